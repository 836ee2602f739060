using System.Globalization;

namespace Lesson.Tool.Notebooks;

/// <summary>The parsed command line of <c>lesson run</c>.</summary>
internal sealed record RunOptions
{
    /// <summary>Notebook files or folders exactly as typed; empty means "every course notebook".</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>Write each passing notebook's outputs back into its source file.</summary>
    public bool InPlace { get; init; }

    /// <summary>Folder for the executed copies; null means <c>&lt;repo&gt;/artifacts/notebooks</c>.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>How long one notebook may run before its process is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Echo everything the cells printed, not only the Dice lines.</summary>
    public bool Verbose { get; init; }

    /// <summary>True when the user asked for help.</summary>
    public bool ShowHelp { get; init; }

    public const string Usage = """
        usage: lesson run [NOTEBOOK_OR_FOLDER...] [options]

        Executes notebooks top to bottom in a fresh C# kernel each (one process per notebook)
        and saves an executed copy with all outputs. Without paths it runs every course
        notebook: notebooks/*.ipynb (the lab's notebooks: name them, e.g. lab/BodySegmentation.ipynb).

          --inplace              write the outputs back into each notebook that passes
          --out DIR              folder for executed copies (default: artifacts/notebooks)
          --timeout-minutes N    kill a notebook that runs longer than N minutes (default: 20)
          --verbose, -v          also print everything the cells wrote to the console
          --help, -h             show this help

        Exit code: 0 all passed, 1 some failed, 2 bad command line.
        """;

    /// <summary>Parses the arguments after <c>run</c>; returns an error message instead when they are wrong.</summary>
    public static (RunOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var paths = new List<string>();
        var options = new RunOptions();

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];

            // Accept both "--out DIR" and "--out=DIR".
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                inlineValue = arg[(arg.IndexOf('=') + 1)..];
                arg = arg[..arg.IndexOf('=')];
            }

            switch (arg)
            {
                case "--inplace":
                    options = options with { InPlace = true };
                    break;
                case "--verbose" or "-v":
                    options = options with { Verbose = true };
                    break;
                case "--help" or "-h":
                    options = options with { ShowHelp = true };
                    break;
                case "--out":
                    if (!TryTakeValue(args, ref i, inlineValue, out var outDir))
                        return (null, "--out needs a folder, e.g. --out artifacts/run1");
                    options = options with { OutDirectory = outDir };
                    break;
                case "--timeout-minutes":
                    if (!TryTakeValue(args, ref i, inlineValue, out var text) ||
                        !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) ||
                        minutes <= 0)
                        return (null, "--timeout-minutes needs a positive number, e.g. --timeout-minutes 30");
                    options = options with { Timeout = TimeSpan.FromMinutes(minutes) };
                    break;
                default:
                    if (arg.StartsWith('-'))
                        return (null, $"unknown option '{args[i]}'.");
                    paths.Add(arg);
                    break;
            }
        }

        return (options with { Paths = paths }, null);
    }

    static bool TryTakeValue(IReadOnlyList<string> args, ref int i, string? inlineValue, out string value)
    {
        if (inlineValue is not null)
        {
            value = inlineValue;
            return value.Length > 0;
        }

        if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
        {
            value = args[++i];
            return true;
        }

        value = "";
        return false;
    }
}
