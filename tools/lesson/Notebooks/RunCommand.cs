using System.CommandLine;
using System.Diagnostics;
using Lesson.Tool.Commands;

namespace Lesson.Tool.Notebooks;

/// <summary>
/// <c>lesson run</c>: executes notebooks headless, each in its own process with a fresh C# kernel,
/// saves executed copies with their outputs, and prints one PASS/FAIL line per notebook.
/// </summary>
public static class RunCommand
{
    /// <summary>The hidden command a child process gets: run one notebook and write its report.</summary>
    public const string ChildCommandName = "run-notebook-child";

    /// <summary><c>lesson run</c>.</summary>
    public static Command Create()
    {
        var command = new Command("run", RunOptions.Description);
        RunOptions.AddTo(command);
        command.SetAction((parsed, _) => ExecuteAsync(RunOptions.From(parsed)));
        return command;
    }

    /// <summary>The hidden command a child process gets; see <see cref="ExecuteChildAsync"/>.</summary>
    public static Command CreateChild()
    {
        var notebook = new Argument<string>("NOTEBOOK") { Description = "the notebook to run" };
        var output = CliOptions.Text("--output", "EXECUTED.ipynb", "where to write the executed copy").MustBeGiven();
        var result = CliOptions.Text("--result", "RESULT.json", "where to write the outcome for the parent").MustBeGiven();
        var command = new Command(ChildCommandName, "Runs one notebook and writes its report (started by lesson run).") { notebook, output, result };
        command.Hidden = true;
        command.SetAction((parsed, _) => ExecuteChildAsync(parsed.GetValue(notebook)!, parsed.GetValue(output)!, parsed.GetValue(result)!));
        return command;
    }

    /// <summary>Runs <c>lesson run [NOTEBOOK_OR_DIR...] [options]</c>; returns 0 all passed, 1 some failed, 2 bad usage.</summary>
    static async Task<int> ExecuteAsync(RunOptions options)
    {
        var repoRoot = NotebookDiscovery.FindRepoRoot(Environment.CurrentDirectory);
        var (notebooks, findError) = NotebookDiscovery.Resolve(options.Paths, repoRoot);
        if (findError is not null)
            throw new UsageException(findError);

        var outputRoot = Path.GetFullPath(options.OutDirectory ?? NotebookDiscovery.DefaultOutputRoot(repoRoot));
        var scratch = Directory.CreateTempSubdirectory("lesson-run-");
        int passed = 0, failed = 0;
        try
        {
            for (var i = 0; i < notebooks.Count; i++)
            {
                var outcome = await RunOneAsync(notebooks[i], repoRoot, outputRoot, Path.Combine(scratch.FullName, $"{i}.json"), options);
                RunReport.Print(outcome, options.Verbose);
                if (outcome.Passed) passed++;
                else failed++;
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        if (!options.InPlace || failed > 0)
            Console.WriteLine($"executed copies: {outputRoot}");
        Console.WriteLine($"{passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Child side: <c>lesson run-notebook-child NOTEBOOK --output EXECUTED.ipynb --result RESULT.json</c>.</summary>
    static async Task<int> ExecuteChildAsync(string notebook, string output, string result)
    {
        // Also set here, so a child started by hand behaves like one started by `lesson run`.
        Environment.SetEnvironmentVariable("LESSON_RUNNER", "1");

        var outcome = await NotebookExecutor.RunAsync(Path.GetFullPath(notebook), Path.GetFullPath(output), Path.GetFullPath(result));
        return outcome.Passed ? 0 : 1;
    }

    static async Task<NotebookOutcome> RunOneAsync(string notebook, string? repoRoot, string outputRoot, string resultPath, RunOptions options)
    {
        var name = NotebookDiscovery.DisplayName(notebook, repoRoot);
        var executedCopy = NotebookDiscovery.ExecutedCopyPath(notebook, repoRoot, outputRoot);
        var watch = Stopwatch.StartNew();

        // A copy left by an earlier run must not pass for this run's result.
        if (File.Exists(executedCopy))
            File.Delete(executedCopy);

        // The notebook's own folder is the working folder, so relative paths and #!import ../lib/... work
        // exactly as they do in VS Code and Jupyter.
        var child = await ChildProcess.RunToolAsync(
            [ChildCommandName, notebook, "--output", executedCopy, "--result", resultPath],
            Path.GetDirectoryName(notebook)!,
            options.Timeout);

        var outcome = NotebookOutcome.From(name, NotebookRunResult.TryLoad(resultPath), child, watch.Elapsed, options.Timeout);

        if (outcome.Passed && options.InPlace)
            ExecutedNotebookWriter.ReplaceAtomically(executedCopy, notebook);
        else if (!outcome.Passed && File.Exists(executedCopy))
            outcome = outcome with { ExecutedCopy = executedCopy };

        return outcome;
    }
}
