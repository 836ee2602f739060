using Segmentation.Data;

namespace Lesson.Tool.Commands;

/// <summary>`lesson data sample ph2|mads --out DIR [--count N] [--seed S]`: writes a generated sample in the dataset's real layout.</summary>
public static class DataSampleCommand
{
    const string Usage = "lesson data sample ph2|mads --out DIR [--count N] [--seed S]";

    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: [], values: ["--out", "--count", "--seed"]);
        string dataset = DataCommand.DatasetName(options, Usage);
        if (options.Positionals.Count > 1)
            throw new UsageException($"unexpected argument '{options.Positionals[1]}'; usage: {Usage}");
        string output = options.Value("--out", "");
        if (output.Length == 0)
            throw new UsageException($"say where to write the sample with --out DIR; usage: {Usage}");
        int seed = options.Value("--seed", "") is "" ? (dataset == "ph2" ? Ph2Sample.DefaultSeed : MadsSample.DefaultSeed) : Seed(options.Value("--seed", ""));

        try
        {
            if (dataset == "ph2")
            {
                int count = Count(options, 200, Ph2Sample.MaxCount);
                var root = Ph2Sample.Write(output, count, seed);
                Console.WriteLine($"Wrote {count} generated PH2 cases (seed {seed}) to {Path.Combine(root, Ph2Dataset.DatasetFolderName)}");
            }
            else
            {
                int count = Count(options, MadsSample.DefaultCount, MadsSample.MaxCount);
                var root = MadsSample.Write(output, count, seed);
                Console.WriteLine($"Wrote {count} generated MADS frames (seed {seed}) to {root}");
            }
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"lesson data sample: {error.Message}");
            return 1;
        }
        return 0;
    }

    static int Count(CommandOptions options, int fallback, int most)
    {
        int count = options.Int("--count", fallback);
        return count <= most ? count : throw new UsageException($"--count can be at most {most}");
    }

    static int Seed(string text) =>
        int.TryParse(text, out int seed) ? seed : throw new UsageException($"option --seed needs a whole number, not '{text}'");
}
