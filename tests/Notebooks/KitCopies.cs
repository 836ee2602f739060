using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// A copy of the kit's library sources and build files in a temp folder, built with <c>dotnet build -c Release</c> and
/// nothing else, so the folder the notebooks load from was filled by a Release build only.
/// </summary>
public sealed class ReleaseBuiltKit : IDisposable
{
    public ReleaseBuiltKit()
    {
        Root = KitCopy.Create("load-release", includeLibrarySources: true);
        // The notebook front end references the core, so this builds both, as the kit's own build does.
        var build = KitCopy.Dotnet(Root, TimeSpan.FromMinutes(10), "build", "-c", "Release", "lib/Interactive", "-nologo", "-nodeReuse:false");
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build -c Release lib/Interactive failed in the copy {Root} (exit code {build.ExitCode}):\n{build.Log}");
    }

    /// <summary>The copy's root folder.</summary>
    public string Root { get; }

    /// <summary>Removes the copy: its build output holds the libtorch natives (about half a gigabyte).</summary>
    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>
    /// A notebook in the copy's notebooks/ folder: the real first cell of 00-quickstart.ipynb, then a cell that prints
    /// where the library and the natives were loaded from, computes with torch and says how pictures are shown
    /// (the load cell registers the notebook front end's formatters).
    /// </summary>
    public string WriteCheckNotebook()
    {
        string notebook = Path.Combine(Root, "notebooks", $"load-check-{Guid.NewGuid():N}.ipynb");
        KitCopy.WriteNotebook(notebook, KitCopy.FirstCodeCell("notebooks/00-quickstart.ipynb"), """
            var info = Segmentation.Native.TorchRuntime.Describe();
            Console.WriteLine($"library {typeof(ModelCatalog).Assembly.Location}");
            Console.WriteLine($"natives {info.NativeFolder}");
            Console.WriteLine($"native fix {info.NativeFix}");
            Console.WriteLine($"torch sum {(TorchSharp.torch.ones(2, 3) * 2).sum().item<float>()}");
            var shownAs = Microsoft.DotNet.Interactive.Formatting.Formatter.GetPreferredMimeTypesFor(typeof(Segmentation.Visualisation.Picture));
            Console.WriteLine($"picture shown as {string.Join(" and ", shownAs)}");
            """);
        return notebook;
    }
}

/// <summary>A copy of the kit that was never built, holding the real 00-quickstart notebook.</summary>
sealed record UnbuiltKit(string Root, string Notebook)
{
    public static UnbuiltKit Create()
    {
        string root = KitCopy.Create("load-unbuilt", includeLibrarySources: false);
        string notebook = Path.Combine(root, "notebooks", "00-quickstart.ipynb");
        File.Copy(Path.Combine(RepoPaths.Root, "notebooks", "00-quickstart.ipynb"), notebook);
        return new UnbuiltKit(root, notebook);
    }
}

/// <summary>Copies of the kit for the load-path tests.</summary>
static class KitCopy
{
    /// <summary>
    /// A temp folder with the kit's build files, the library's two projects and lib/Segmentation.csx, the tool manifest
    /// (the stock kernel starts the kit's pinned dotnet-interactive) and an empty notebooks/ folder; with the
    /// library's sources too when <paramref name="includeLibrarySources"/>.
    /// </summary>
    public static string Create(string name, bool includeLibrarySources)
    {
        string root = RepoPaths.NewTempFolder(name);
        string[] files = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
                          ".config/dotnet-tools.json", "lib/Segmentation.csproj", "lib/Interactive/Segmentation.Interactive.csproj", "lib/Segmentation.csx"];
        foreach (var file in files)
            CopyFile(file, root);
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "build")))
            CopyFile(Path.GetRelativePath(RepoPaths.Root, file), root);
        if (includeLibrarySources)
        {
            string lib = Path.Combine(RepoPaths.Root, "lib");
            foreach (var file in Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(RepoPaths.Root, file);
                if (!relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                    CopyFile(relative, root);
            }
        }
        Directory.CreateDirectory(Path.Combine(root, "notebooks"));
        return root;
    }

    /// <summary>The source of <paramref name="notebook"/>'s first code cell (its load cell).</summary>
    public static string FirstCodeCell(string notebook)
    {
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, notebook)))!["cells"]!.AsArray();
        var cell = cells.First(c => (string?)c!["cell_type"] == "code")!;
        return string.Concat(cell["source"]!.AsArray().Select(line => (string?)line));
    }

    /// <summary>Writes a C# notebook with one code cell per source.</summary>
    public static void WriteNotebook(string path, params string[] sources)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(sources.Select((source, i) => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code", ["execution_count"] = null, ["id"] = $"c{i}", ["outputs"] = new JsonArray(),
                ["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } },
                ["source"] = source,
            }).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
            },
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, notebook.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>What a dotnet command printed, and how it ended.</summary>
    public sealed record Result(int ExitCode, string Log);

    public static Result Dotnet(string folder, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {timeout}");
        }
        return new Result(process.ExitCode, output.Result + error.Result);
    }

    static void CopyFile(string relative, string root)
    {
        string target = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(RepoPaths.Root, relative), target);
    }
}
