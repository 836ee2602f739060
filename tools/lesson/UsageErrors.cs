using System.CommandLine;
using System.CommandLine.Parsing;
using Lesson.Tool.Commands;

namespace Lesson.Tool;

/// <summary>Prints what is wrong with a command line, one line per problem, and where its help is; exit code 2.</summary>
static class UsageErrors
{
    /// <summary>Reports the errors System.CommandLine found in <paramref name="parsed"/>.</summary>
    public static int Report(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var messages = new List<string>();
        if (parsed.UnmatchedTokens.Count > 0)
            messages.Add(DescribeUnmatched(parsed.UnmatchedTokens[0], command));
        // The parser's own wording of the unmatched words was said better above.
        var unmatched = parsed.UnmatchedTokens.Select(t => $"'{t}'").ToList();
        foreach (var error in parsed.Errors)
            if (!(error.SymbolResult is CommandResult && unmatched.Any(error.Message.Contains)))
                messages.Add(Reword(error));
        return Print(command, messages.Distinct());
    }

    /// <summary>Says what a missing value or argument is for; the other errors come worded from the checks in CliOptions.</summary>
    static string Reword(ParseError error) => error.SymbolResult switch
    {
        OptionResult { IdentifierToken: null, Option: { Required: true } option } => option.HelpName is { } values && values.Contains('|')
            ? $"{option.Name} is required: {Typos.List(values.Split('|'))}"
            : $"{option.Name} {option.HelpName} is required: {option.Description}",
        OptionResult { Tokens.Count: 0, Option: { } option } when option.Arity.MinimumNumberOfValues > 0
            => $"{option.Name} needs a value ({option.HelpName}): {option.Description}",
        ArgumentResult { Tokens.Count: 0, Argument: { } argument } when argument.Arity.MinimumNumberOfValues > 0 => argument.HelpName is { } values && values.Contains('|')
            ? $"name the {argument.Name}: {Typos.List(values.Split('|'))}"
            : $"name the {argument.HelpName ?? argument.Name}: {argument.Description}",
        _ => error.Message,
    };

    /// <summary>Prints <paramref name="messages"/> as errors of <paramref name="command"/>.</summary>
    public static int Print(Command command, IEnumerable<string> messages)
    {
        string name = CommandPath(command);
        foreach (string message in messages)
            Console.Error.WriteLine($"{name}: {message}");
        Console.Error.WriteLine($"Try '{name} --help'.");
        return ExitCodes.Usage;
    }

    /// <summary>"lesson bench soak": how the user names <paramref name="command"/>.</summary>
    public static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (var at = command; at is not null and not RootCommand; at = at.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, at.Name);
        return string.Join(' ', names.Prepend("lesson"));
    }

    static string DescribeUnmatched(string word, Command command)
    {
        if (word.StartsWith('-'))
            return Typos.Unknown("option", word, Typos.OptionNames(command));
        var commands = command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
        return commands.Count > 0 ? Typos.Unknown("command", word, commands) : $"unexpected argument '{word}'";
    }
}
