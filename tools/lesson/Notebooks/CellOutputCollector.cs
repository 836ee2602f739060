using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;

namespace Lesson.Tool.Notebooks;

/// <summary>
/// Turns the kernel's events into notebook outputs, the way VS Code stores them:
/// displays become display_data, a cell's value execute_result, console text a stream,
/// and failures an error output. Every MIME type of a display is kept (e.g. image/png and text/html).
/// </summary>
internal sealed class CellOutputCollector
{
    /// <summary>A display already written into some cell, so a later update can replace it in place.</summary>
    sealed class DisplayOutput(InteractiveDocumentElement cell, DisplayElement element)
    {
        public InteractiveDocumentElement Cell { get; } = cell;
        public DisplayElement Element { get; set; } = element;
        public bool HasBeenUpdated { get; set; }
    }

    readonly List<DisplayOutput> displays = [];
    readonly Dictionary<string, DisplayOutput> displaysById = [];
    readonly System.Text.StringBuilder standardOutput = new();
    string? lastErrorMessage;

    /// <summary>Every line written to standard output so far, across all cells.</summary>
    public List<string> StandardOutputLines() =>
        standardOutput.Length == 0
            ? []
            : [.. standardOutput.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];

    /// <summary>Adds what <paramref name="kernelEvent"/> shows to <paramref name="cell"/>'s outputs.</summary>
    public void Collect(KernelEvent kernelEvent, InteractiveDocumentElement cell, int executionCount)
    {
        switch (kernelEvent)
        {
            case DisplayedValueUpdated update:
                Update(update, cell);
                break;

            case DisplayedValueProduced produced when ToData(produced) is { Count: > 0 } data:
                AddDisplay(cell, new DisplayElement(data), produced.ValueId);
                break;

            case ReturnValueProduced returned when ToData(returned) is { Count: > 0 } data:
                var element = new ReturnValueElement { ExecutionOrder = executionCount };
                foreach (var (mimeType, value) in data)
                    element.Data[mimeType] = value;
                cell.Outputs.Add(element);
                break;

            case StandardOutputValueProduced stdout:
                var text = PlainText(stdout);
                AppendStream(cell, "stdout", text);
                standardOutput.Append(text);
                break;

            case StandardErrorValueProduced stderr:
                AppendStream(cell, "stderr", PlainText(stderr));
                break;

            case ErrorProduced error:
                cell.Outputs.Add(ErrorOutput(error.Message));
                lastErrorMessage = error.Message;
                break;

            // The kernel often reports one failure twice (ErrorProduced, then CommandFailed): show it once.
            case CommandFailed failed when failed.Message != lastErrorMessage:
                cell.Outputs.Add(ErrorOutput(failed.Message));
                break;
        }
    }

    /// <summary>Forgets the last error, so the next cell's identical error is still shown.</summary>
    public void StartCell() => lastErrorMessage = null;

    void AddDisplay(InteractiveDocumentElement cell, DisplayElement element, string? valueId)
    {
        cell.Outputs.Add(element);
        var display = new DisplayOutput(cell, element);
        displays.Add(display);
        if (!string.IsNullOrEmpty(valueId))
            displaysById[valueId] = display;
    }

    void Update(DisplayedValueUpdated update, InteractiveDocumentElement currentCell)
    {
        if (ToData(update) is not { Count: > 0 } data)
            return;

        var target = FindDisplayToUpdate(update, data);
        if (target is null)
        {
            // Nothing to update: show it as a new display instead of losing it.
            AddDisplay(currentCell, new DisplayElement(data), update.ValueId);
            return;
        }

        var replacement = new DisplayElement(data);
        var position = target.Cell.Outputs.IndexOf(target.Element);
        if (position >= 0)
            target.Cell.Outputs[position] = replacement;
        target.Element = replacement;
        target.HasBeenUpdated = true;
    }

    DisplayOutput? FindDisplayToUpdate(DisplayedValueUpdated update, Dictionary<string, object> data)
    {
        if (update.ValueId is { } id && displaysById.TryGetValue(id, out var known))
            return known;

        // Work-around for Microsoft.DotNet.Interactive 1.0.0-beta.26120.1: `display(x)` publishes the
        // display under one id but returns a handle whose Update() uses another, so the id never
        // matches. The handle updates with the MIME types it was displayed with, so take the most
        // recent display with the same MIME types that no other handle has claimed yet.
        var match = displays.LastOrDefault(d => !d.HasBeenUpdated && d.Element.Data.Keys.Order().SequenceEqual(data.Keys.Order()));
        if (match is not null && update.ValueId is { } newId)
            displaysById[newId] = match;
        return match;
    }

    static void AppendStream(InteractiveDocumentElement cell, string name, string text)
    {
        // Consecutive writes to one stream become a single output, as in Jupyter.
        if (cell.Outputs.Count > 0 && cell.Outputs[^1] is TextElement last && last.Name == name)
        {
            cell.Outputs[^1] = new TextElement(last.Text + text, name);
            return;
        }

        cell.Outputs.Add(new TextElement(text, name));
    }

    /// <summary>VS Code's Polyglot error output: name "Error", the message as value and as traceback lines.</summary>
    static ErrorElement ErrorOutput(string message) =>
        new(message, "Error", message.ReplaceLineEndings("\n").Split('\n'));

    static Dictionary<string, object> ToData(DisplayEvent displayEvent)
    {
        var data = new Dictionary<string, object>();
        foreach (var value in displayEvent.FormattedValues ?? [])
        {
            // Suppressed values are meant for other kernels, not for display.
            if (!value.SuppressDisplay && !string.IsNullOrEmpty(value.MimeType))
                data[value.MimeType] = value.Value ?? "";
        }

        return data;
    }

    static string PlainText(DisplayEvent displayEvent) =>
        displayEvent.FormattedValues?.FirstOrDefault(v => v.MimeType == "text/plain")?.Value
        ?? displayEvent.FormattedValues?.FirstOrDefault()?.Value
        ?? "";
}
