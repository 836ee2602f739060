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
        // Errors on the command itself are the parser's wording of the unmatched words, said better above;
        // errors on options and arguments come from the checks in CliOptions and the parser's arity rules.
        foreach (var error in parsed.Errors)
            if (error.SymbolResult is not CommandResult && !messages.Contains(error.Message))
                messages.Add(error.Message);
        if (messages.Count == 0)
            messages.AddRange(parsed.Errors.Select(e => e.Message).Distinct());
        return Print(command, messages);
    }

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
