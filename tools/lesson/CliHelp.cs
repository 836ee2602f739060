using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Lesson.Tool;

/// <summary>
/// What <c>--help</c> prints: for <c>lesson</c> itself the hand-written overview (every command on a line or three),
/// for a command the help System.CommandLine writes from its options; the exit codes under both.
/// </summary>
sealed class CliHelp(HelpAction generated, string overview) : SynchronousCommandLineAction
{
    /// <summary>Help is shown even when the rest of the line has mistakes, as with the built-in help.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parsed)
    {
        var output = parsed.InvocationConfiguration.Output;
        if (parsed.CommandResult.Command is RootCommand)
        {
            output.WriteLine(overview);
            output.WriteLine();
        }
        else
            generated.Invoke(parsed);
        output.WriteLine(ExitCodes.Help);
        return ExitCodes.Ok;
    }

    /// <summary>Puts this help in place of the built-in one, for <paramref name="root"/> and every command under it.</summary>
    public static void Install(RootCommand root, string overview)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new CliHelp((HelpAction)help.Action!, overview);
    }
}
