using Segmentation.Fetch;

namespace Lesson.Tool.Commands;

/// <summary>
/// Shows download progress: one line rewritten in place on a terminal, or a line every 10% when the output
/// goes to a file or a pipe (so logs stay short).
/// </summary>
public sealed class FetchProgressPrinter(TextWriter output) : IProgress<DownloadProgress>
{
    readonly bool interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
    readonly object gate = new();
    DateTime lastPrint = DateTime.MinValue;
    int lastTenth = -1;
    bool lineOpen;

    public void Report(DownloadProgress value)
    {
        lock (gate)
        {
            var text = $"  {value.BytesReceived / 1e6,8:N1} MB" +
                       (value.TotalBytes is long total ? $" of {total / 1e6:N1} MB ({value.Fraction:P0})" : "");
            if (interactive)
            {
                if (DateTime.UtcNow - lastPrint < TimeSpan.FromMilliseconds(250) && value.BytesReceived != value.TotalBytes)
                    return;
                output.Write($"\r{text,-50}");
                lineOpen = true;
                lastPrint = DateTime.UtcNow;
            }
            else if (value.Fraction is double fraction && (int)(fraction * 10) > lastTenth)
            {
                lastTenth = (int)(fraction * 10);
                output.WriteLine(text);
            }
        }
    }

    /// <summary>A writer for the other messages: it ends an open progress line first, so no message lands on its end.</summary>
    public TextWriter MessageWriter => new MessagesAfterProgress(this, output);

    /// <summary>Ends the progress line, so what is printed next starts on a line of its own.</summary>
    public void Finish()
    {
        lock (gate)
        {
            if (lineOpen)
                output.WriteLine();
            lineOpen = false;
        }
    }

    sealed class MessagesAfterProgress(FetchProgressPrinter printer, TextWriter output) : TextWriter
    {
        public override System.Text.Encoding Encoding => output.Encoding;

        public override void Write(char value)
        {
            printer.Finish();
            output.Write(value);
        }

        public override void Write(string? value)
        {
            printer.Finish();
            output.Write(value);
        }

        public override void WriteLine(string? value)
        {
            printer.Finish();
            output.WriteLine(value);
        }
    }
}
