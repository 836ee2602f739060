namespace Lesson.Tool.Commands;

/// <summary>
/// A progress line that redraws itself in a terminal (carriage return) and prints only finished lines
/// when the output goes to a file or a pipe, so logs stay readable.
/// </summary>
sealed class ProgressLine(TextWriter writer)
{
    readonly bool interactive = writer == Console.Error ? !Console.IsErrorRedirected : !Console.IsOutputRedirected;
    int lastLength;

    public void Update(string text)
    {
        if (!interactive)
            return;
        writer.Write("\r" + text.PadRight(lastLength));
        lastLength = text.Length;
    }

    public void Finish(string text)
    {
        if (interactive && lastLength > 0)
            writer.Write("\r" + new string(' ', lastLength) + "\r");
        lastLength = 0;
        writer.WriteLine(text);
    }
}
