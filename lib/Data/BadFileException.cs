namespace Segmentation.Data;

/// <summary>
/// A dataset file that cannot be used: missing, empty, cut off, not an image, the wrong size, or not
/// where the layout expects it. The message names the file, says what is wrong and what to do.
/// </summary>
public sealed class BadFileException : IOException
{
    /// <summary>Creates the error for <paramref name="filePath"/>; <paramref name="message"/> is shown to the learner as is.</summary>
    public BadFileException(string filePath, string message, Exception? inner = null) : base(message, inner) =>
        FilePath = filePath;

    /// <summary>Full path of the file (or folder) that is wrong.</summary>
    public string FilePath { get; }
}
