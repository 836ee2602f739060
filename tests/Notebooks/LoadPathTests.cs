using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Segmentation.Native;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// The notebooks' load cell (<c>#!import ../lib/Segmentation.csx</c>) in both runners, the kit's <c>lesson run</c> and
/// the stock kernel under Jupyter: a kit built in Release only runs it, and a kit never built stops it with a
/// sentence that says what to run. Each case works on its own copy of the kit, so the real build is not involved.
/// </summary>
public class LoadPathTests(ReleaseBuiltKit release, JupyterKernel jupyter) : IClassFixture<ReleaseBuiltKit>, IClassFixture<JupyterKernel>
{
    const string NotBuilt = "The course library is not built yet. Run `dotnet build` in ";

    [Fact]
    public void A_Release_only_build_fills_the_notebook_folder_and_nothing_per_configuration()
    {
        string lib = Path.Combine(release.Root, "lib", "bin");
        Assert.Equal(["notebook"], Directory.GetDirectories(lib).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(lib, "notebook", "Segmentation.dll")));
        Assert.True(File.Exists(Path.Combine(lib, "notebook", "TorchSharp.dll")));
        Assert.True(File.Exists(Path.Combine(lib, "notebook", "SixLabors.ImageSharp.dll")));
        if (OperatingSystem.IsLinux())
        {
            var need = ElfVersionNeeds.Read(File.ReadAllBytes(Path.Combine(lib, "notebook", "libLibTorchSharp.so")))
                .Single(n => n.Version == ElfVersionNeeds.UnusedGlibcxxVersion);
            Assert.Equal(NativeFixTests.MachineNeedsFix, need.IsWeak);
        }
    }

    [Fact]
    public void A_Release_only_build_runs_a_notebook_in_lesson_run()
    {
        string notebook = release.WriteCheckNotebook();

        var run = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(5), "run", notebook, "--out", RepoPaths.NewTempFolder("load-release-out"), "--verbose");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Contains("torch sum 12", run.Output);
    }

    [Fact]
    public void A_Release_only_build_runs_a_notebook_in_the_stock_kernel_from_its_own_folder()
    {
        string notebook = release.WriteCheckNotebook();

        var run = jupyter.Execute(notebook, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, $"Jupyter could not run the check notebook (exit code {run.ExitCode}):\n{run.Tail}");
        string printed = StreamText(run.ExecutedNotebook);
        string folder = Path.Combine(release.Root, "lib", "bin", "notebook");
        // The stock kernel really loads the library, TorchSharp and its natives from the Release-built folder.
        Assert.Contains($"library {Path.Combine(folder, "Segmentation.dll")}", printed);
        Assert.Contains($"natives {folder}", printed);
        Assert.Contains("torch sum 12", printed);
        Assert.Contains($"native fix {(NativeFixTests.MachineNeedsFix ? "applied" : "not-needed")}", printed);
    }

    [Fact]
    public void An_unbuilt_kit_stops_the_first_cell_with_the_command_to_run_in_lesson_run()
    {
        var kit = UnbuiltKit.Create();

        var run = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(5), "run", kit.Notebook, "--out", RepoPaths.NewTempFolder("load-unbuilt-out"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL", run.Output);
        Assert.Contains(NotBuilt + kit.Root + " (once", run.Output);
        Assert.DoesNotContain("CS0006", run.Output);
        Assert.DoesNotContain("CS0246", run.Output);
    }

    [Fact]
    public void An_unbuilt_kit_stops_the_first_cell_with_the_command_to_run_in_the_stock_kernel()
    {
        var kit = UnbuiltKit.Create();

        var run = jupyter.Execute(kit.Notebook, TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(NotBuilt + kit.Root + " (once", run.Log);
        Assert.DoesNotContain("CS0006", run.Log);
        Assert.DoesNotContain("CS0246", run.Log);
    }

    /// <summary>Everything the executed notebook's cells printed (stream outputs), in order.</summary>
    static string StreamText(string executedNotebook)
    {
        var cells = JsonNode.Parse(File.ReadAllText(executedNotebook))!["cells"]!.AsArray();
        return string.Concat(cells.SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Where(o => (string?)o!["output_type"] == "stream")
            .Select(o => o!["text"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)o!["text"]));
    }
}

/// <summary>
/// A copy of the kit's library sources and build files in a temp folder, built with <c>dotnet build -c Release</c> and
/// nothing else, so the folder the notebooks load from was filled by a Release build only.
/// </summary>
public sealed class ReleaseBuiltKit
{
    public ReleaseBuiltKit()
    {
        Root = KitCopy.Create("load-release", includeLibrarySources: true);
        var build = KitCopy.Dotnet(Root, TimeSpan.FromMinutes(10), "build", "-c", "Release", "lib", "-nologo", "-nodeReuse:false");
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build -c Release lib failed in the copy {Root} (exit code {build.ExitCode}):\n{build.Log}");
    }

    /// <summary>The copy's root folder.</summary>
    public string Root { get; }

    /// <summary>
    /// A notebook in the copy's notebooks/ folder: the real first cell of 00-quickstart.ipynb, then a cell that prints
    /// where the library and the natives were loaded from and computes with torch.
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
    /// A temp folder with the kit's build files, lib/Segmentation.csproj and lib/Segmentation.csx, the tool manifest
    /// (the stock kernel starts the kit's pinned dotnet-interactive) and an empty notebooks/ folder; with the
    /// library's sources too when <paramref name="includeLibrarySources"/>.
    /// </summary>
    public static string Create(string name, bool includeLibrarySources)
    {
        string root = RepoPaths.NewTempFolder(name);
        string[] files = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
                          ".config/dotnet-tools.json", "lib/Segmentation.csproj", "lib/Segmentation.csx"];
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

/// <summary>Every course notebook loads the library the same way, through lib/Segmentation.csx.</summary>
public class NotebookLoadCellTests
{
    public static TheoryData<string> CourseNotebooks() => new(CourseRun.Notebooks());

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void The_first_code_cell_imports_the_load_script_by_a_path_relative_to_the_notebook(string notebook)
    {
        string firstLine = KitCopy.FirstCodeCell(notebook).Split('\n')[0].Trim();

        Assert.StartsWith("#!import ", firstLine);
        string script = Path.GetFullPath(Path.Combine(RepoPaths.Root, Path.GetDirectoryName(notebook)!, firstLine["#!import ".Length..]));
        Assert.Equal(Path.Combine(RepoPaths.Root, "lib", "Segmentation.csx"), script);
        Assert.DoesNotContain("lib/bin", File.ReadAllText(Path.Combine(RepoPaths.Root, notebook)));
    }
}
