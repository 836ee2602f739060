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

    /// <summary>What the check notebook prints when the load cell registered the front end's formatters.</summary>
    const string PictureFormattersRegistered = "picture shown as text/html and image/png";

    [Fact]
    public void A_Release_only_build_fills_the_notebook_folder_and_nothing_per_configuration()
    {
        string lib = Path.Combine(release.Root, "lib", "bin");
        Assert.Equal(["notebook"], Directory.GetDirectories(lib).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(lib, "notebook", "Segmentation.dll")));
        Assert.True(File.Exists(Path.Combine(lib, "notebook", "Segmentation.Interactive.dll")));
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
        Assert.Contains(PictureFormattersRegistered, run.Output);
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
        Assert.Contains(PictureFormattersRegistered, printed);
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
