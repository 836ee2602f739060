using Lesson.Tool.Notebooks;

namespace Lesson.Tool.Commands;

/// <summary>`lesson data inspect|sample ...`: look at a dataset folder, or write a generated sample.</summary>
public static class DataCommand
{
    public const string Usage = """
        lesson data inspect ph2|mads DIR [--json] [--headers-only]
        lesson data sample ph2|mads --out DIR [--count N] [--seed S]
        """;

    public static int Execute(string[] args) => args switch
    {
        ["inspect", .. var rest] => DataInspectCommand.Execute(rest),
        ["sample", .. var rest] => DataSampleCommand.Execute(rest),
        _ => throw new UsageException($"expected 'inspect' or 'sample'; usage:\n{Usage}"),
    };

    /// <summary>The dataset name given on the command line: "ph2" or "mads".</summary>
    internal static string DatasetName(CommandOptions options, string usage)
    {
        if (options.Positionals.Count == 0 || options.Positionals[0] is not ("ph2" or "mads"))
            throw new UsageException($"name the dataset, ph2 or mads; usage: {usage}");
        return options.Positionals[0];
    }

    /// <summary>The kit's data/ folder: where the default samples live.</summary>
    internal static string DefaultDataFolder() =>
        Path.Combine(NotebookDiscovery.FindRepoRoot(Environment.CurrentDirectory)
            ?? NotebookDiscovery.FindRepoRoot(AppContext.BaseDirectory)
            ?? throw new UsageException("not inside the course kit, so there is no default data folder; give one with --data DIR"),
            "data");
}
