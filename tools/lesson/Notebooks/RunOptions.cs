using System.CommandLine;
using Lesson.Tool.Commands;

namespace Lesson.Tool.Notebooks;

/// <summary>The parsed command line of <c>lesson run</c>, and the options that make it.</summary>
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

    public const string Description = """
        Execute notebooks top to bottom in a fresh C# kernel each (one process per notebook) and save an executed
        copy with all outputs. Without paths it runs every notebook of the English course: notebooks/*.ipynb, lab/*.ipynb
        and lab/solutions/*.ipynb. The Romanian edition: `lesson run notebooks/ro lab/ro lab/ro/solutions`.
        Exit code 1 when a notebook fails.
        """;

    static readonly Argument<string[]> PathsArgument = new Argument<string[]>("NOTEBOOK_OR_FOLDER")
    {
        Description = "notebooks, or folders of them (default: every course notebook)",
        Arity = ArgumentArity.ZeroOrMore,
    }.NoOptionLikeValues();
    static readonly Option<bool> InPlaceOption = CliOptions.Flag("--inplace", "write the outputs back into each notebook that passes");
    static readonly Option<string?> OutOption = CliOptions.Text("--out", "DIR", "folder for executed copies (default: artifacts/notebooks)");
    static readonly Option<double> TimeoutOption = CliOptions.PositiveNumber("--timeout-minutes", 20,
        "kill a notebook that runs longer than this many minutes");
    static readonly Option<bool> VerboseOption = CliOptions.Flag("--verbose", "also print everything the cells wrote to the console", "-v");

    /// <summary>Gives <paramref name="command"/> (<c>lesson run</c>) its argument and options.</summary>
    public static void AddTo(Command command)
    {
        command.Arguments.Add(PathsArgument);
        foreach (var option in new Option[] { InPlaceOption, OutOption, TimeoutOption, VerboseOption })
            command.Options.Add(option);
    }

    /// <summary>The options given on <paramref name="parsed"/>'s command line.</summary>
    public static RunOptions From(ParseResult parsed) => new()
    {
        Paths = parsed.GetValue(PathsArgument) ?? [],
        InPlace = parsed.GetValue(InPlaceOption),
        OutDirectory = parsed.GetValue(OutOption),
        Timeout = TimeSpan.FromMinutes(parsed.GetValue(TimeoutOption)),
        Verbose = parsed.GetValue(VerboseOption),
    };
}
