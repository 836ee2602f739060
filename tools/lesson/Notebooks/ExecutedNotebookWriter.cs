using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Lesson.Tool.Notebooks;

/// <summary>
/// Saves an executed notebook as .ipynb so that VS Code still opens it as a C# Polyglot notebook:
/// the original notebook and cell metadata are kept, and only what is missing is added.
/// </summary>
internal static class ExecutedNotebookWriter
{
    /// <summary>Writes <paramref name="document"/> to <paramref name="path"/> through a temporary file, so the file is never half written.</summary>
    public static void Write(InteractiveDocument document, string path)
    {
        AddMissingNotebookMetadata(document.Metadata);
        AddMissingCellIds(document);

        // ToJupyterJson without a language keeps the metadata as it is (with one, it would
        // overwrite language_info, which VS Code uses to recognise Polyglot notebooks).
        var json = document.ToJupyterJson() + "\n";

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, json, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        MoveReplacing(temp, path);
    }

    /// <summary>Copies <paramref name="source"/> over <paramref name="destination"/> in one rename (used by --inplace).</summary>
    public static void ReplaceAtomically(string source, string destination)
    {
        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(destination))!, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        File.Copy(source, temp);
        MoveReplacing(temp, destination);
    }

    static void MoveReplacing(string temp, string destination)
    {
        try
        {
            File.Move(temp, destination, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The notebook-level metadata VS Code writes for a C# Polyglot notebook, added only where absent.</summary>
    static void AddMissingNotebookMetadata(IDictionary<string, object> metadata)
    {
        metadata.TryAdd("kernelspec", new Dictionary<string, object>
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = ".net-csharp",
        });
        metadata.TryAdd("language_info", new Dictionary<string, object> { ["name"] = "polyglot-notebook" });
        metadata.TryAdd("polyglot_notebook", new Dictionary<string, object>
        {
            ["kernelInfo"] = new Dictionary<string, object>
            {
                ["defaultKernelName"] = NotebookKernel.CSharp,
                ["items"] = new List<object>
                {
                    new Dictionary<string, object> { ["aliases"] = new List<object>(), ["name"] = NotebookKernel.CSharp },
                },
            },
        });
    }

    /// <summary>The writer always emits nbformat 4.5, which requires an id on every cell.</summary>
    static void AddMissingCellIds(InteractiveDocument document)
    {
        var used = document.Elements.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToHashSet();
        foreach (var cell in document.Elements.Where(e => string.IsNullOrEmpty(e.Id)))
        {
            string id;
            do id = Guid.NewGuid().ToString("N")[..8];
            while (!used.Add(id));
            cell.Id = id;
        }
    }
}
