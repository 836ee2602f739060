using System.Text.Json;
using Lesson.Tests.Notebooks;
using SixLabors.ImageSharp;

namespace Lesson.Tests.Visualisation;

/// <summary>
/// A two-cell notebook that shows training curves without training: one chart as a cell's value, one through
/// <c>display(...)</c>. Executed by both runners (the kit's `lesson run` and Jupyter's stock kernel), it checks
/// what a notebook stores for a chart, in seconds instead of a course run.
/// </summary>
static class ChartNotebook
{
    public const string OfCaption =
        "tiny, by epoch (1 to 2). Top: loss (training loss, validation loss). Bottom: Dice / IoU, 0 to 1 (validation Dice, validation IoU).";

    public const string CompareCaption =
        "a vs b, by epoch (1 to 2). Top: loss (a validation loss, b validation loss). Bottom: Dice / IoU, 0 to 1 (a validation Dice, b validation Dice).";

    /// <summary>Writes chart.ipynb into <paramref name="folder"/>, with the kit's tool manifest so the stock kernel starts there too.</summary>
    public static string Write(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        File.Copy(Path.Combine(RepoPaths.Root, ".config", "dotnet-tools.json"), Path.Combine(folder, ".config", "dotnet-tools.json"));
        string[] sources =
        [
            // What lib/Segmentation.csx does, from a folder outside the kit: reference the library, then register its formatters.
            $"#r \"{Path.Combine(RepoPaths.LibOutput, "TorchSharp.dll")}\"\n#r \"{Path.Combine(RepoPaths.LibOutput, "Segmentation.dll")}\"\n"
                + $"#r \"{Path.Combine(RepoPaths.LibOutput, "Segmentation.Interactive.dll")}\"\nSegmentation.Interactive.NotebookFormatters.Register();",
            """
            using Segmentation.Training;
            using Segmentation.Visualisation;
            var history = new EpochResult[]
            {
                new(1, TrainLoss: 0.61, ValidationLoss: 0.55, ValidationDice: 0.43, ValidationIoU: 0.28, Seconds: 3, Steps: 23),
                new(2, TrainLoss: 0.31, ValidationLoss: 0.29, ValidationDice: 0.81, ValidationIoU: 0.68, Seconds: 3, Steps: 23),
            };
            TrainingCurves.Of(history, "tiny")
            """,
            """display(TrainingCurves.Compare(("a", history), ("b", history.Select(e => e with { ValidationDice = 0.5 }).ToArray())));""",
        ];
        var notebook = new Dictionary<string, object>
        {
            ["cells"] = sources.Select((source, i) => new Dictionary<string, object?>
            {
                ["cell_type"] = "code", ["execution_count"] = null, ["id"] = $"c{i}", ["outputs"] = Array.Empty<object>(),
                ["metadata"] = new Dictionary<string, object> { ["polyglot_notebook"] = new Dictionary<string, string> { ["kernelName"] = "csharp" } },
                ["source"] = source,
            }),
            ["metadata"] = new Dictionary<string, object> { ["kernelspec"] = new Dictionary<string, string> { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        string path = Path.Combine(folder, "chart.ipynb");
        File.WriteAllText(path, JsonSerializer.Serialize(notebook));
        return path;
    }

    /// <summary>
    /// Each chart cell holds exactly two outputs: the picture (a PNG and its caption, no HTML, so that a viewer picking
    /// one MIME type per output, HTML first, still shows the picture), then the interactive chart opening with the
    /// same caption.
    /// </summary>
    public static void AssertEachChartFollowsItsPicture(string executedNotebook)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(executedNotebook));
        var cells = notebook.RootElement.GetProperty("cells").EnumerateArray().ToList();
        foreach (var (cell, caption) in new[] { (cells[1], OfCaption), (cells[2], CompareCaption) })
        {
            var outputs = cell.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("data")).ToList();
            Assert.Equal(2, outputs.Count);
            var (picture, chart) = (outputs[0], outputs[1]);

            Assert.Equal(["image/png", "text/plain"], picture.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal(caption, Joined(picture.GetProperty("text/plain")));
            using var image = Image.Load(Convert.FromBase64String(Joined(picture.GetProperty("image/png"))));
            Assert.Equal((880, 600), (image.Width, image.Height));

            Assert.StartsWith($"<div class=\"training-curves\"><p class=\"training-curves-caption\">{caption}</p>", Joined(chart.GetProperty("text/html")));
        }
        var shown = NotebookOutputs.Read(executedNotebook);
        Assert.Equal((2, 2), (shown.Charts, shown.ChartPictures));
    }

    static string Joined(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(s => s.GetString())) : value.GetString() ?? "";
}
