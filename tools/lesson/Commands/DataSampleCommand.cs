using System.CommandLine;
using Segmentation.Data;
using Segmentation.Samples;

namespace Lesson.Tool.Commands;

/// <summary>`lesson data sample ph2|mads --out DIR [--count N] [--seed S]`: writes a generated sample in the dataset's real layout.</summary>
public static class DataSampleCommand
{
    static readonly Argument<string> Dataset = DataCommand.DatasetArgument("the dataset whose layout to write");
    static readonly Option<string?> Out = CliOptions.Text("--out", "DIR", "the folder to write into").MustBeGiven();
    static readonly Option<int?> CountOption = CliOptions.OptionalPositiveInt("--count",
        $"cases (PH2, default 200, at most {Ph2Sample.MaxCount}) or frames (MADS, default {MadsSample.DefaultCount}, at most {MadsSample.MaxCount})");
    static readonly Option<int?> Seed = CliOptions.WholeNumber("--seed",
        $"random seed of the generated images (default: {Ph2Sample.DefaultSeed} for PH2, {MadsSample.DefaultSeed} for MADS, as in data/)");

    /// <summary>`lesson data sample`.</summary>
    public static Command Create()
    {
        var command = new Command("sample", "Write a generated sample in the dataset's real layout.") { Dataset, Out, CountOption, Seed };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string dataset = parsed.GetValue(Dataset)!;
        string output = parsed.GetValue(Out)!;
        int seed = parsed.GetValue(Seed) ?? (dataset == "ph2" ? Ph2Sample.DefaultSeed : MadsSample.DefaultSeed);
        int? count = parsed.GetValue(CountOption);

        try
        {
            if (dataset == "ph2")
            {
                int cases = Count(count, 200, Ph2Sample.MaxCount);
                var root = Ph2Sample.Write(output, cases, seed);
                Console.WriteLine($"Wrote {cases} generated PH2 cases (seed {seed}) to {Path.Combine(root, Ph2Dataset.DatasetFolderName)}");
            }
            else
            {
                int frames = Count(count, MadsSample.DefaultCount, MadsSample.MaxCount);
                var root = MadsSample.Write(output, frames, seed);
                Console.WriteLine($"Wrote {frames} generated MADS frames (seed {seed}) to {root}");
            }
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"lesson data sample: {error.Message}");
            return 1;
        }
        return 0;
    }

    static int Count(int? given, int fallback, int most) =>
        given is not int count ? fallback
        : count <= most ? count
        : throw new UsageException($"--count can be at most {most}");
}
