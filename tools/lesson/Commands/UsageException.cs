namespace Lesson.Tool.Commands;

/// <summary>
/// A mistake in how a command was called that only shows once it runs (a folder with no images in it): reported
/// like a parse error, one line and a pointer to the command's help, with exit code 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
