using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;

namespace Lesson.Tool.Notebooks;

/// <summary>
/// Runs one notebook top to bottom in a fresh kernel, like "Run All" in VS Code, and stops at the
/// first failing cell. This is the child-process side of <c>lesson run</c>.
/// </summary>
internal static class NotebookExecutor
{
    /// <summary>
    /// Executes <paramref name="notebookPath"/>, writes the executed notebook to <paramref name="outputPath"/>
    /// and the report to <paramref name="resultPath"/>. Relative paths in cells resolve against the
    /// current folder, which the parent sets to the notebook's folder.
    /// </summary>
    public static async Task<NotebookRunResult> RunAsync(string notebookPath, string outputPath, string resultPath)
    {
        var total = Stopwatch.StartNew();
        var result = new NotebookRunResult { Notebook = notebookPath };

        InteractiveDocument document;
        try
        {
            document = Notebook.Parse(await File.ReadAllTextAsync(notebookPath), NotebookKernel.KernelInfos);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            result.Error = $"cannot read the notebook: {e.Message}";
            result.Save(resultPath);
            return result;
        }

        var cells = document.Elements;
        result.TotalCells = cells.Count;
        result.CodeCells = cells.Count(IsCode);

        using var kernel = NotebookKernel.Create();
        result.KernelStartSeconds = total.Elapsed.TotalSeconds;

        var collector = new CellOutputCollector();
        var executionCount = 0;

        for (var index = 0; index < cells.Count; index++)
        {
            var cell = cells[index];
            if (!IsCode(cell))
                continue;

            var cellResult = new CellRunResult { Index = index, Kernel = cell.KernelName ?? NotebookKernel.CSharp };
            result.Cells.Add(cellResult);

            if (!NotebookKernel.IsCSharp(cell.KernelName))
            {
                cellResult.Status = CellStatus.Skipped;   // keep whatever outputs it had
                continue;
            }

            if (result.FailedCellIndex is not null)
            {
                // Outputs from an earlier run would be stale next to this run's outputs.
                cellResult.Status = CellStatus.NotRun;
                cell.Outputs.Clear();
                cell.ExecutionOrder = 0;
                continue;
            }

            cellResult.Status = CellStatus.Running;
            result.Save(resultPath);   // if the process dies in this cell, the parent can say which one

            cell.Outputs.Clear();
            cell.ExecutionOrder = ++executionCount;
            result.CellsRun++;

            var (seconds, error) = await RunCellAsync(kernel, cell, collector, executionCount);
            cellResult.Seconds = seconds;
            cellResult.Status = error is null ? CellStatus.Passed : CellStatus.Failed;
            cellResult.Error = error;

            if (error is not null)
            {
                result.FailedCellIndex = index;
                result.Error = error;
            }
        }

        result.Passed = result.FailedCellIndex is null;
        result.StandardOutput = collector.StandardOutputLines();
        ExecutedNotebookWriter.Write(document, outputPath);
        result.Seconds = total.Elapsed.TotalSeconds;
        result.Save(resultPath);
        return result;
    }

    static async Task<(double Seconds, string? Error)> RunCellAsync(
        Kernel kernel, InteractiveDocumentElement cell, CellOutputCollector collector, int executionCount)
    {
        var watch = Stopwatch.StartNew();
        collector.StartCell();
        try
        {
            var commandResult = await kernel.SendAsync(new SubmitCode(cell.Contents, NotebookKernel.CSharp));
            foreach (var kernelEvent in commandResult.Events)
                collector.Collect(kernelEvent, cell, executionCount);

            var failure = commandResult.Events.OfType<CommandFailed>().FirstOrDefault();
            return (watch.Elapsed.TotalSeconds, failure is null ? null : ErrorText(failure));
        }
        catch (Exception e)
        {
            // The kernel itself broke (not the cell's code): still report it against this cell.
            var message = e.ToString();
            cell.Outputs.Add(new ErrorElement(message, "Error", message.Split('\n')));
            return (watch.Elapsed.TotalSeconds, message);
        }
    }

    static string ErrorText(CommandFailed failure) =>
        string.IsNullOrWhiteSpace(failure.Message) ? failure.Exception?.ToString() ?? "the cell failed" : failure.Message;

    static bool IsCode(InteractiveDocumentElement cell) => cell.KernelName != "markdown";
}
