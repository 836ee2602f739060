using System.CommandLine;
using Lesson.Tool.Notebooks;

namespace Lesson.Tool.Commands;

/// <summary>`lesson data inspect|sample ...`: look at a dataset folder, or write a generated sample.</summary>
public static class DataCommand
{
    /// <summary>`lesson data`, holding `inspect` and `sample`.</summary>
    public static Command Create() => CommandGroup.Create("data", "Look at a dataset folder, or write a generated sample.",
        DataInspectCommand.Create(), DataSampleCommand.Create());

    /// <summary>The dataset named on the command line: ph2 or mads.</summary>
    internal static Argument<string> DatasetArgument(string description) => CliOptions.ChoiceArgument("dataset", TrainingDataChoice.Datasets, description);

    /// <summary>The kit's data/ folder: where the default samples live.</summary>
    internal static string DefaultDataFolder() =>
        Path.Combine(NotebookDiscovery.FindRepoRoot(Environment.CurrentDirectory)
            ?? NotebookDiscovery.FindRepoRoot(AppContext.BaseDirectory)
            ?? throw new UsageException("not inside the course kit, so there is no default data folder; give one with --data DIR"),
            "data");
}
