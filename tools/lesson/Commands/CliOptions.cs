using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Lesson.Tool.Commands;

/// <summary>
/// Makes the kinds of options and arguments the <c>lesson</c> commands share, each with its check: a value that
/// fails one is reported as a one-line usage error (exit code 2) before the command starts.
/// </summary>
static class CliOptions
{
    /// <summary>An on/off switch such as <c>--json</c>.</summary>
    public static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };

    /// <summary>A free-form value (a folder to write to, an address); null when not given and there is no fallback.</summary>
    public static Option<string?> Text(string name, string valueName, string description, string? fallback = null)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = valueName };
        if (fallback is not null)
            option.DefaultValueFactory = _ => fallback;
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { Length: 0 })
                result.AddError($"{name} needs a {valueName}, not an empty string");
        });
        return option;
    }

    /// <summary>A whole number of at least 1 (sizes, counts, epochs).</summary>
    public static Option<int> PositiveInt(string name, int fallback, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseOrReport<int>(result, name, "a positive whole number",
            text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null),
    };

    /// <summary>A whole number of at least 1 whose default depends on other choices: null when not given.</summary>
    public static Option<int?> OptionalPositiveInt(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => ParseOrReport<int>(result, name, "a positive whole number",
            text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null),
    };

    /// <summary>Any whole number, negative or zero included (a random seed).</summary>
    public static Option<int?> WholeNumber(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        CustomParser = result => ParseOrReport<int>(result, name, "a whole number",
            text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null),
    };

    /// <summary>A number greater than 0, with a decimal point (not a comma) whatever the machine's language.</summary>
    public static Option<double> PositiveNumber(string name, double fallback, string description) => new(name)
    {
        Description = description,
        HelpName = "X",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseOrReport<double>(result, name, "a positive number (e.g. 0.001)",
            text => Number(text) is double value && value > 0 ? value : null),
    };

    /// <summary>A number strictly between 0 and 1, e.g. a probability threshold.</summary>
    public static Option<double> Probability(string name, double fallback, string description) => new(name)
    {
        Description = description,
        HelpName = "X",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseOrReport<double>(result, name, "a number between 0 and 1 (e.g. 0.5)",
            text => Number(text) is double value && value is > 0 and < 1 ? value : null),
    };

    /// <summary>One of a few names, listed in help and in the error; <paramref name="noun"/> says what they name ("model").</summary>
    public static Option<string> Choice(string name, IReadOnlyList<string> choices, string? fallback, string noun, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', choices) };
        if (fallback is not null)
            option.DefaultValueFactory = _ => fallback;
        option.CompletionSources.Add(choices.ToArray());
        option.Validators.Add(result => CheckChoice(result, result.GetValueOrDefault<string>(), choices, noun, ignoreCase: false));
        return option;
    }

    /// <summary>A positional name that must be one of <paramref name="choices"/>, e.g. <c>lesson data inspect ph2</c>.</summary>
    public static Argument<string> ChoiceArgument(string noun, IReadOnlyList<string> choices, string description, bool ignoreCase = false)
    {
        var argument = new Argument<string>(noun) { Description = description, HelpName = string.Join('|', choices) };
        argument.CompletionSources.Add(choices.ToArray());
        argument.Validators.Add(result =>
        {
            string value = result.GetValueOrDefault<string>();
            if (!RejectOptionLike(result, value))
                CheckChoice(result, value, choices, noun, ignoreCase);
        });
        return argument;
    }

    /// <summary>A file that must exist when the command starts (a checkpoint); <paramref name="hint"/> says where one comes from.</summary>
    public static Option<string> ExistingFile(string name, string noun, string hint, string description) => new(name)
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
        Validators = { result => CheckExisting(result, result.GetValueOrDefault<string>(), noun, hint, wantFile: true) },
    };

    /// <summary>A folder that must exist when the command starts (a dataset); null when not given.</summary>
    public static Option<string?> ExistingFolder(string name, string noun, string hint, string description) => new(name)
    {
        Description = description,
        HelpName = "DIR",
        Validators = { result => CheckExisting(result, result.GetValueOrDefault<string?>(), noun, hint, wantFile: false) },
    };

    /// <summary>Makes <paramref name="option"/> one the command cannot run without (help marks it REQUIRED).</summary>
    public static Option<T> MustBeGiven<T>(this Option<T> option)
    {
        option.Required = true;
        return option;
    }

    /// <summary>
    /// Positional values (notebook paths, folders): the parser hands them anything it does not know, so a mistyped
    /// option such as <c>--inplce</c> would arrive as a path. Reports it as the unknown option it is; true when it did.
    /// </summary>
    public static bool RejectOptionLike(ArgumentResult result, string? value)
    {
        if (value is null || !value.StartsWith('-') || value == "-")
            return false;
        var options = result.Parent is CommandResult parent ? Typos.OptionNames(parent.Command) : [];
        result.AddError(Typos.Unknown("option", value, options));
        return true;
    }

    /// <summary>Adds <see cref="RejectOptionLike"/> to an argument that takes paths.</summary>
    public static Argument<T> NoOptionLikeValues<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (RejectOptionLike(result, token.Value))
                    return;
        });
        return argument;
    }

    static T ParseOrReport<T>(ArgumentResult result, string name, string what, Func<string, T?> parse) where T : struct
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (parse(text) is T value)
            return value;
        result.AddError($"{name} needs {what}, not '{text}'");
        return default;
    }

    static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) ? value : null;

    static void CheckChoice(SymbolResult result, string? value, IReadOnlyList<string> choices, string noun, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        if (value is null || choices.Contains(value, comparison))
            return;
        string plural = noun.EndsWith('s') ? noun + "es" : noun + "s";
        string message = $"unknown {noun} '{value}'; the {plural} are {Typos.List(choices)}";
        if (Typos.Closest(value, choices) is { Count: > 0 } close)
            message += $" (did you mean {Typos.List(close.Select(c => $"'{c}'").ToList())}?)";
        result.AddError(message);
    }

    static void CheckExisting(OptionResult result, string? path, string noun, string hint, bool wantFile)
    {
        if (path is null)
            return;
        string full = Path.GetFullPath(path);
        string option = result.Option.Name;
        if (wantFile && Directory.Exists(full))
            result.AddError($"{option}: {full} is a folder, not a {noun} file. {hint}");
        else if (!wantFile && File.Exists(full))
            result.AddError($"{option}: {full} is a file, not a {noun} folder. {hint}");
        else if (!File.Exists(full) && !Directory.Exists(full))
            result.AddError($"{option}: there is no {noun} {(wantFile ? "file" : "folder")} {full}. {hint}");
    }
}
