using System.Text.Json;
using Segmentation.Data;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson data inspect ph2|mads DIR [--json] [--headers-only]`: loads a dataset folder the way the lessons do,
/// skipping bad cases, and reports the good cases, their classes and image size, and every problem found.
/// Exit code 0 when there are no problems, 1 when there are (or the folder is not a dataset), 2 on misuse.
/// </summary>
public static class DataInspectCommand
{
    const string Usage = "lesson data inspect ph2|mads DIR [--json] [--headers-only]";

    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: ["--json", "--headers-only"], values: []);
        string dataset = DataCommand.DatasetName(options, Usage);
        if (options.Positionals.Count != 2)
            throw new UsageException($"give one dataset folder; usage: {Usage}");
        string folder = options.Positionals[1];
        // Decoding every pixel also finds damage that headers do not show; --headers-only is quicker.
        bool decodePixels = !options.Has("--headers-only");

        Report report;
        try
        {
            report = dataset == "ph2" ? InspectPh2(folder, decodePixels) : InspectMads(folder, decodePixels);
        }
        catch (Exception error) when (error is DirectoryNotFoundException or IOException)
        {
            Console.Error.WriteLine($"lesson data inspect: {error.Message}");
            return 1;
        }

        if (options.Has("--json"))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                dataset,
                folder = report.Folder,
                cases = report.Cases,
                classes = report.Classes,
                image_size = report.ImageSize is { } size ? new[] { size.Width, size.Height } : null,
                problems = report.Problems.Select(p => new { @case = p.Case, file = p.File, error = p.Error, case_left_out = p.CaseLeftOut }),
            }));
        else
            PrintText(dataset, report);
        return report.Problems.Count == 0 ? 0 : 1;
    }

    sealed record Report(string Folder, int Cases, Dictionary<string, int> Classes, (int Width, int Height)? ImageSize, IReadOnlyList<DatasetProblem> Problems);

    static Report InspectPh2(string folder, bool decodePixels)
    {
        var contents = Ph2Dataset.LoadGoodCases(folder, decodePixels);
        var classes = new Dictionary<string, int>
        {
            ["common_nevus"] = contents.Cases.Count(c => c.Diagnosis == Ph2Diagnosis.CommonNevus),
            ["atypical_nevus"] = contents.Cases.Count(c => c.Diagnosis == Ph2Diagnosis.AtypicalNevus),
            ["melanoma"] = contents.Cases.Count(c => c.Diagnosis == Ph2Diagnosis.Melanoma),
        };
        int unknown = contents.Cases.Count(c => c.Diagnosis == Ph2Diagnosis.Unknown);
        if (unknown > 0)
            classes["unknown"] = unknown; // no PH2_dataset.txt, or no row for these cases
        return new Report(contents.Folder, contents.Cases.Count, classes, contents.ImageSize, contents.Problems);
    }

    static Report InspectMads(string folder, bool decodePixels)
    {
        var contents = MadsDataset.LoadGoodCases(folder, decodePixels);
        var classes = contents.Cases.GroupBy(f => f.Activity).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        return new Report(contents.Folder, contents.Cases.Count, classes, contents.ImageSize, contents.Problems);
    }

    static void PrintText(string dataset, Report report)
    {
        string size = report.ImageSize is { } s ? $"{s.Width}x{s.Height}" : "none";
        Console.WriteLine($"{dataset} in {report.Folder}: {report.Cases} good cases, images {size}");
        foreach (var (name, count) in report.Classes)
            Console.WriteLine($"  {name,-16} {count}");
        if (report.Problems.Count == 0)
        {
            Console.WriteLine("No problems found.");
            return;
        }
        int leftOut = report.Problems.Where(p => p.CaseLeftOut).Select(p => p.Case).Distinct().Count();
        Console.WriteLine($"{report.Problems.Count} problems ({leftOut} cases left out):");
        foreach (var problem in report.Problems)
            Console.WriteLine($"  {(problem.Case.Length > 0 ? problem.Case : "-")}: {problem.Error}");
    }
}
