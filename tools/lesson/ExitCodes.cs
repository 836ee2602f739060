namespace Lesson.Tool;

/// <summary>What <c>lesson</c> returns to the shell. Scripts and CI rely on these: keep them.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The command ran and failed: a damaged checkpoint or dataset, a diverged training run, a failed notebook,
    /// problems found by <c>data inspect</c>, a download that did not succeed.
    /// </summary>
    public const int Failed = 1;

    /// <summary>
    /// The command line is wrong, so nothing was done: an unknown command or option, a missing or malformed value,
    /// a value outside the allowed ones, or a file or folder it names that does not exist.
    /// </summary>
    public const int Usage = 2;

    /// <summary><c>lesson fetch</c> stopped by Ctrl+C; what was downloaded is kept (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The explanation printed at the end of every help text.</summary>
    public const string Help = """
        Exit codes:
            0  done
            1  failed: a damaged checkpoint or dataset, a diverged run, a failed notebook, problems found
            2  bad command line: unknown command or option, a missing or malformed value, a file or folder
               named on the command line that does not exist (nothing was done)
          130  interrupted with Ctrl+C (fetch: run the same command again to continue)
        """;
}
