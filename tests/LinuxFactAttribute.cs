namespace Lesson.Tests;

/// <summary>
/// A fact that needs Linux (ELF files, /proc, TorchSharp's linux-x64 natives). Elsewhere it is reported as skipped,
/// with the reason, instead of returning early and counting as passed. (xunit 2 has no Assert.Skip; a Skip set by
/// the attribute is how a v2 test says it cannot run here.)
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "Linux only: the native fix edits ELF libraries and reads /proc; there is nothing to check on this OS.";
    }
}
