using System.Globalization;

namespace Lesson.Tool.Notebooks;

/// <summary>The verdict on one notebook, as the parent process tells it.</summary>
/// <param name="Name">The notebook as shown to the user (relative to the repository when inside it).</param>
/// <param name="Passed">Every C# cell ran without error and the process exited cleanly.</param>
/// <param name="Headline">What follows PASS/FAIL and the name on the notebook's line.</param>
/// <param name="Details">The full error or the process's last output; empty when it passed.</param>
/// <param name="StandardOutput">Every line the cells printed.</param>
/// <param name="ExecutedCopy">Where to look at a failed run's outputs, when a copy was written.</param>
internal sealed record NotebookOutcome(
    string Name, bool Passed, string Headline, string Details, IReadOnlyList<string> StandardOutput, string? ExecutedCopy = null)
{
    /// <summary>Judges a notebook from its child's report (null when none was written) and how the process ended.</summary>
    public static NotebookOutcome From(string name, NotebookRunResult? result, ChildOutcome child, TimeSpan elapsed, TimeSpan timeout)
    {
        var stdout = result?.StandardOutput ?? [];

        // A cell still marked "running" is where the process was when it died or was killed.
        var where = result?.Cells.FirstOrDefault(c => c.Status == CellStatus.Running) is { } running
            ? $" in cell {running.Index + 1}"
            : "";

        if (child.TimedOut)
            return new(name, false, $"timed out after {Minutes(timeout)} min{where}", child.Diagnostics, stdout);

        if (result is null)
            return new(name, false, $"the notebook process exited with code {child.ExitCode} before running any cell", child.Diagnostics, stdout);

        if (result.FailedCellIndex is { } failedIndex)
        {
            var error = result.Error ?? "";
            return new(name, false, $"cell {failedIndex + 1}: {FirstLine(error)}", error, stdout);
        }

        if (!result.Passed)
        {
            var reason = where != "" ? $"crashed{where} (exit code {child.ExitCode})" : result.Error ?? $"failed (exit code {child.ExitCode})";
            return new(name, false, reason, child.Diagnostics, stdout);
        }

        if (child.ExitCode != 0)
            return new(name, false, $"all cells ran, but the process exited with code {child.ExitCode}", child.Diagnostics, stdout);

        var skipped = result.Cells.Count(c => c.Status == CellStatus.Skipped);
        var note = skipped > 0 ? $"  ({skipped} non-C# cell{(skipped == 1 ? "" : "s")} skipped)" : "";
        var cells = result.CellsRun == 1 ? "1 cell" : $"{result.CellsRun} cells";
        return new(name, true, $"{cells}  {Seconds(elapsed)} s{note}", "", stdout);
    }

    static string FirstLine(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').FirstOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "(no message)";

    static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    static string Minutes(TimeSpan t) => t.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>Prints notebook verdicts: one line each, details indented beneath.</summary>
internal static class RunReport
{
    const string Indent = "    ";

    /// <summary>
    /// Prints <c>PASS  name  headline</c> or <c>FAIL  name  headline</c> with the failure's details,
    /// then the lines the cells printed that start with "Dice" (all of them with <paramref name="verbose"/>).
    /// </summary>
    public static void Print(NotebookOutcome outcome, bool verbose)
    {
        Console.WriteLine($"{(outcome.Passed ? "PASS" : "FAIL")}  {outcome.Name}  {outcome.Headline}");

        if (!outcome.Passed)
        {
            WriteIndented(outcome.Details);
            if (outcome.ExecutedCopy is not null)
                Console.WriteLine($"{Indent}executed copy: {outcome.ExecutedCopy}");
        }

        foreach (var line in outcome.StandardOutput)
        {
            if (verbose || line.TrimStart().StartsWith("Dice", StringComparison.Ordinal))
                Console.WriteLine(Indent + line);
        }
    }

    static void WriteIndented(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;

        foreach (var line in text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            Console.WriteLine(line.Length == 0 ? "" : Indent + line);
    }
}
