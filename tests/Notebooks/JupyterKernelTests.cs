using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lesson.Tests.Visualisation;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// Executes every course notebook the way a learner's Jupyter does: the stock .NET Interactive kernel
/// (installed by <c>lesson kernel install</c> into a private JUPYTER_PATH) driven by Jupyter's own client
/// (<c>jupyter nbconvert --execute</c>), which stops at the first failing cell.
/// </summary>
public class JupyterKernelTests(JupyterKernel jupyter) : IClassFixture<JupyterKernel>
{
    /// <summary>
    /// The Romanian edition, every notebook of it, as learners open them. Each twin runs the same code as its English
    /// notebook (<see cref="TranslationTests"/>), which `lesson run` (<see cref="CourseRun"/>) executes, so between the
    /// two runners every notebook of both editions runs once: the English ones in the kit's own runner, the Romanian
    /// ones in Jupyter's (the load script, pictures, charts and their static pictures, quizzes, progress lines and check
    /// results all go through the stock kernel this way).
    /// </summary>
    public static TheoryData<string> CourseNotebooks() => new(Translations.Twins());

    [Theory]
    [MemberData(nameof(CourseNotebooks))]
    public void Notebook_runs_in_the_stock_kernel_under_Jupyter(string notebook)
    {
        // The pose challenge trains for up to a quarter of an hour on a busy two-core machine.
        var run = jupyter.Execute(Path.Combine(RepoPaths.Root, notebook), TimeSpan.FromMinutes(40));

        Assert.True(run.ExitCode == 0, $"Jupyter could not run {notebook} to the end (exit code {run.ExitCode}):\n{run.Tail}");
        // The kernel's web endpoint listens on the loopback interface only (kernel install adds --http-local-only).
        Assert.Matches(@"Now listening on: http://127\.0\.0\.1:\d+", run.Log);
        Assert.DoesNotMatch(@"Now listening on: http://(\[::\]|0\.0\.0\.0|\*|\+):", run.Log);

        using var executed = JsonDocument.Parse(File.ReadAllText(run.ExecutedNotebook));
        var outputs = executed.RootElement.GetProperty("cells").EnumerateArray()
            .SelectMany(cell => cell.TryGetProperty("outputs", out var o) ? o.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .ToList();
        Assert.DoesNotContain(outputs, o => o.GetProperty("output_type").GetString() == "error");

        // Pictures and charts must come out of the stock kernel too (the formatters register themselves there).
        var shown = NotebookOutputs.Read(run.ExecutedNotebook);
        Assert.True(shown.Pictures >= 1, $"{notebook} shows no picture in the stock kernel");
        if (shown.Trains)
            Assert.True(shown.Charts >= 1, $"{notebook} trains but draws no chart in the stock kernel");
        Assert.True(shown.ChartPictures == shown.Charts,
            $"{notebook}: {shown.Charts} charts but {shown.ChartPictures} static pictures shown just before them in the stock kernel");

        // A live progress line must end on its last state: Jupyter applied every update to the one output.
        foreach (var text in outputs.Select(PlainText).OfType<string>())
        {
            var bar = Regex.Match(text, @"^\w+ (\d+)/(\d+) \[[#-]+\] (\d+)/(\d+)");
            if (bar.Success)
                Assert.True(bar.Groups[3].Value == bar.Groups[4].Value, $"{notebook}: a progress line stopped mid-epoch: {text}");
        }

        // The library spoke Romanian: none of its English sentences reached the outputs.
        RomanianOutputs.AssertNoEnglishFromTheLibrary(notebook, shown.Text);
    }

    [Fact]
    public void A_failing_cell_fails_the_Jupyter_run_with_its_error()
    {
        string folder = RepoPaths.NewTempFolder("jupyter-broken");
        // The kernelspec starts the kit's pinned tool, which `dotnet` finds through the tool manifest above the notebook.
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        File.Copy(Path.Combine(RepoPaths.Root, ".config", "dotnet-tools.json"), Path.Combine(folder, ".config", "dotnet-tools.json"));
        string notebook = Path.Combine(folder, "broken.ipynb");
        File.WriteAllText(notebook, BrokenNotebook);

        var run = jupyter.Execute(notebook, TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("the mask is missing", run.Log);
        Assert.DoesNotContain("never reached", run.Log);
        Assert.False(File.Exists(run.ExecutedNotebook), "Jupyter wrote an executed copy of a notebook that failed");
    }

    [Fact]
    public void A_chart_shows_its_static_picture_then_its_interactive_version_in_the_stock_kernel()
    {
        string notebook = ChartNotebook.Write(RepoPaths.NewTempFolder("jupyter-chart"));

        var run = jupyter.Execute(notebook, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, $"Jupyter could not run the chart notebook (exit code {run.ExitCode}):\n{run.Tail}");
        ChartNotebook.AssertEachChartFollowsItsPicture(run.ExecutedNotebook);
    }

    [Fact]
    public void Kernel_install_puts_http_local_only_right_after_the_connection_file()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(jupyter.KernelsFolder, ".net-csharp", "kernel.json")));
        var argv = spec.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()).ToList();

        Assert.Equal("--http-local-only", argv[argv.IndexOf("{connection_file}") + 1]);
        Assert.Single(argv, a => a == "--http-local-only");
    }

    static string? PlainText(JsonElement output)
    {
        if (!output.TryGetProperty("data", out var data) || !data.TryGetProperty("text/plain", out var text))
            return null;
        return text.ValueKind == JsonValueKind.Array ? string.Concat(text.EnumerateArray().Select(t => t.GetString())) : text.GetString();
    }

    const string BrokenNotebook = """
        {
         "cells": [
          { "cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [], "source": [ "var x = 1 + 1;" ] },
          { "cell_type": "code", "execution_count": null, "id": "b", "metadata": {}, "outputs": [],
            "source": [ "throw new InvalidOperationException(\"the mask is missing\");" ] },
          { "cell_type": "code", "execution_count": null, "id": "c", "metadata": {}, "outputs": [], "source": [ "Console.WriteLine(\"never reached\");" ] }
         ],
         "metadata": { "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" } },
         "nbformat": 4, "nbformat_minor": 5
        }
        """;
}

/// <summary>
/// Jupyter with the kit's kernel, shared by the tests of one class: checks that Jupyter is installed (failing,
/// not skipping, when it is not), then runs <c>lesson kernel install --path</c> into a private JUPYTER_PATH.
/// </summary>
public sealed class JupyterKernel
{
    const string MissingJupyter =
        "Jupyter is needed to run the notebooks in the stock kernel, and `jupyter nbconvert` could not be started. "
        + "Install it: on Debian or Ubuntu `sudo apt-get install jupyter-nbconvert python3-nbclient` "
        + "(CI: .ci/run does this), elsewhere `pip install nbconvert nbclient`.";

    readonly string root = RepoPaths.NewTempFolder("jupyter");

    public JupyterKernel()
    {
        var version = Run(RepoPaths.Root, TimeSpan.FromMinutes(2), "jupyter", ["nbconvert", "--version"]);
        if (version.ExitCode != 0)
            throw new InvalidOperationException(MissingJupyter + "\n" + version.Log);

        KernelsFolder = Path.Combine(root, "kernels");
        var install = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(10), "kernel", "install", "--path", KernelsFolder);
        if (install.ExitCode != 0)
            throw new InvalidOperationException($"lesson kernel install failed (exit code {install.ExitCode}):\n{install.Output}{install.Error}");
    }

    /// <summary>The kernels folder the kernelspecs were installed into (JUPYTER_PATH is its parent).</summary>
    public string KernelsFolder { get; }

    /// <summary>What one nbconvert run left: its exit code, everything it printed, and where the executed copy would be.</summary>
    public sealed record Result(int ExitCode, string Log, string ExecutedNotebook)
    {
        /// <summary>The end of the log, where nbconvert reports the failing cell.</summary>
        public string Tail => Log.Length <= 6000 ? Log : "...\n" + Log[^6000..];
    }

    /// <summary>
    /// <c>jupyter nbconvert --to notebook --execute</c> from the notebook's folder (so relative #r paths work as in
    /// Jupyter), writing the executed copy to a temp folder: the source notebook is never changed.
    /// </summary>
    public Result Execute(string notebook, TimeSpan timeout)
    {
        string output = RepoPaths.NewTempFolder("jupyter-out");
        string name = Path.GetFileNameWithoutExtension(notebook);
        var run = Run(Path.GetDirectoryName(notebook)!, timeout, "jupyter",
        [
            "nbconvert", "--to", "notebook", "--execute", Path.GetFileName(notebook),
            "--output-dir", output, "--output", name,
            "--ExecutePreprocessor.kernel_name=.net-csharp",
            // The .NET kernel takes a while to start on a busy machine; the default allows 60 s.
            "--ExecutePreprocessor.startup_timeout=300",
        ]);
        return run with { ExecutedNotebook = Path.Combine(output, name + ".ipynb") };
    }

    Result Run(string folder, TimeSpan timeout, string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Only the kernels installed here, and Jupyter's connection files kept out of the user's home.
        start.Environment["JUPYTER_PATH"] = root;
        start.Environment["JUPYTER_RUNTIME_DIR"] = Path.Combine(root, "runtime");

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            return new Result(-1, $"could not start {program}: {error.Message}", "");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new Result(-1, $"{program} {string.Join(' ', args)} did not finish within {timeout}:\n{stdout.Result}{stderr.Result}", "");
            }
            return new Result(process.ExitCode, stdout.Result + stderr.Result, "");
        }
    }
}
