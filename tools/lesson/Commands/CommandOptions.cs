namespace Lesson.Tool.Commands;

/// <summary>A small parser for `--flag` and `--name value` options; rejects anything it was not told about.</summary>
public sealed class CommandOptions
{
    readonly HashSet<string> flags = [];
    readonly Dictionary<string, string> values = [];

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positionals { get; } = [];

    public static CommandOptions Parse(string[] args, string[] flags, string[] values)
    {
        var parsed = new CommandOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (flags.Contains(arg))
                parsed.flags.Add(arg);
            else if (values.Contains(arg))
            {
                if (i + 1 >= args.Length)
                    throw new UsageException($"option {arg} needs a value");
                parsed.values[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"unknown option '{arg}'");
            else
                parsed.Positionals.Add(arg);
        }
        return parsed;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string Value(string name, string fallback) => values.TryGetValue(name, out var value) ? value : fallback;

    public string? ValueOrNull(string name) => values.TryGetValue(name, out var value) ? value : null;

    public int Int(string name, int fallback)
    {
        if (!values.TryGetValue(name, out var text))
            return fallback;
        return int.TryParse(text, out int value) && value > 0
            ? value
            : throw new UsageException($"option {name} needs a positive whole number, not '{text}'");
    }
}

/// <summary>A mistake in how a command was called: reported with usage help and exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
