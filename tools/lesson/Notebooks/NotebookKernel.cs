using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;
using DocumentKernelInfo = Microsoft.DotNet.Interactive.Documents.KernelInfo;
using DocumentKernelInfos = Microsoft.DotNet.Interactive.Documents.KernelInfoCollection;

namespace Lesson.Tool.Notebooks;

/// <summary>Builds the in-process C# kernel that runs a notebook, set up like VS Code's Polyglot kernel.</summary>
internal static class NotebookKernel
{
    public const string CSharp = "csharp";
    static readonly string[] CSharpAliases = ["c#", "C#"];

    /// <summary>
    /// The kernel names the notebook parser should recognise in cell metadata and in a first line
    /// such as <c>#!fsharp</c>. Only C# runs here; naming the other Polyglot kernels lets such
    /// cells be recognised, and skipped, instead of being sent to C# as an unknown magic command.
    /// </summary>
    public static DocumentKernelInfos KernelInfos => new()
    {
        new DocumentKernelInfo(CSharp, "C#", CSharpAliases),
        new DocumentKernelInfo("fsharp", "F#", ["f#", "F#"]),
        new DocumentKernelInfo("pwsh", "PowerShell", ["powershell"]),
        new DocumentKernelInfo("javascript", "JavaScript", ["js"]),
        new DocumentKernelInfo("html", "HTML", []),
        new DocumentKernelInfo("mermaid", "Mermaid", []),
        new DocumentKernelInfo("sql", "SQL", []),
        new DocumentKernelInfo("kql", "KQL", []),
        new DocumentKernelInfo("http", "HTTP", []),
        new DocumentKernelInfo("value", "Value", []),
    };

    /// <summary>True when a cell's kernel name means C#.</summary>
    public static bool IsCSharp(string? kernelName) =>
        string.IsNullOrEmpty(kernelName) || kernelName == CSharp || CSharpAliases.Contains(kernelName);

    /// <summary>
    /// A fresh composite kernel with one C# kernel. <c>#r "path.dll"</c> works out of the box
    /// (relative to the current folder, which the runner sets to the notebook's folder);
    /// <c>#!import</c>, with which each notebook's first cell loads the library, is added at the end, as
    /// VS Code and the stock kernel have it; <c>#r "nuget: ..."</c> needs the directive below, and in this package version only the
    /// overload with a callback exists: the callback hands the restored assemblies to the kernel.
    /// </summary>
    public static CompositeKernel Create()
    {
        var csharp = new CSharpKernel()
            .UseKernelHelpers()   // display(), HTML(), ...
            .UseWho();            // #!who, #!whos

        csharp.UseNugetDirective((kernel, packages) =>
        {
            kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
            return Task.CompletedTask;
        });

        var composite = new CompositeKernel();
        composite.Add(csharp, CSharpAliases);
        composite.DefaultKernelName = CSharp;
        composite.UseImportMagicCommand();   // #!import, as in VS Code and the stock kernel
        return composite;
    }
}
