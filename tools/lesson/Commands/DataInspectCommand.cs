using System.CommandLine;
using System.Text.Json;
using Segmentation.Data;
using Segmentation.Samples;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson data inspect ph2|mads [DIR] [--json] [--headers-only]`: loads a dataset folder the way the lessons do,
/// skipping bad cases, and reports the good cases, their classes and image size, and every problem found.
/// Without DIR it inspects the generated sample under data/, creating it on first use.
/// Exit code 0 when there are no problems, 1 when there are (or the folder is not a dataset), 2 on misuse.
/// </summary>
public static class DataInspectCommand
{
    static readonly Argument<string> Dataset = DataCommand.DatasetArgument("the dataset's layout");
    static readonly Argument<string?> Folder = new Argument<string?>("DIR")
    {
        Description = "the dataset's folder (default: the generated sample in data/, made on first use)",
        Arity = ArgumentArity.ZeroOrOne,
    }.NoOptionLikeValues();
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the report as one JSON line");
    static readonly Option<bool> HeadersOnly = CliOptions.Flag("--headers-only", "read only the image headers (quicker; finds less damage)");

    /// <summary>`lesson data inspect`.</summary>
    public static Command Create()
    {
        var command = new Command("inspect", "Cases, classes, image size and problems of a dataset folder; exit code 1 when there are problems.")
        {
            Dataset, Folder, Json, HeadersOnly,
        };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string dataset = parsed.GetValue(Dataset)!;
        string folder = parsed.GetValue(Folder)
            ?? (dataset == "ph2" ? Ph2Sample.EnsureDefault(DataCommand.DefaultDataFolder()) : MadsSample.EnsureDefault(DataCommand.DefaultDataFolder()));
        // Decoding every pixel also finds damage that headers do not show; --headers-only is quicker.
        bool decodePixels = !parsed.GetValue(HeadersOnly);

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

        if (parsed.GetValue(Json))
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
