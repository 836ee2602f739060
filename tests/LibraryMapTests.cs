using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lesson.Tests;

/// <summary>lib/README.md's examples are executed in a real notebook kernel, so the map cannot drift from the code.</summary>
public class LibraryMapTests
{
    [Fact]
    public void Every_csharp_example_in_the_library_map_compiles_and_runs()
    {
        string map = File.ReadAllText(Path.Combine(RepoPaths.Root, "lib", "README.md"));
        var examples = Regex.Matches(map, @"```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(examples.Count >= 10, $"expected an example for each area, found {examples.Count}");

        string folder = RepoPaths.NewTempFolder("library-map");
        string load = string.Join("\n",
            $"#r \"{Path.Combine(RepoPaths.LibOutput, "TorchSharp.dll")}\"",
            $"#r \"{Path.Combine(RepoPaths.LibOutput, "Segmentation.dll")}\"",
            $"#r \"{Path.Combine(RepoPaths.LibOutput, "Segmentation.Interactive.dll")}\"");
        // Each example becomes one cell, so a failure names its section by cell number.
        var cells = new[] { load }.Concat(examples).Select((code, i) => new Dictionary<string, object>
        {
            ["cell_type"] = "code", ["execution_count"] = null!, ["id"] = $"c{i}", ["outputs"] = Array.Empty<object>(),
            ["metadata"] = new Dictionary<string, object> { ["polyglot_notebook"] = new Dictionary<string, string> { ["kernelName"] = "csharp" } },
            ["source"] = code,
        });
        var notebook = new Dictionary<string, object>
        {
            ["cells"] = cells,
            ["metadata"] = new Dictionary<string, object> { ["kernelspec"] = new Dictionary<string, string> { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" } },
            ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        string path = Path.Combine(folder, "library-map.ipynb");
        File.WriteAllText(path, JsonSerializer.Serialize(notebook));

        var result = ToolProcess.Run(folder, TimeSpan.FromMinutes(5), "run", path, "--out", Path.Combine(folder, "out"), "--verbose");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Dice", result.Output);
        Assert.Contains("instances, sizes 3, 4", result.Output);
        Assert.Contains("3 steps of augmented batches", result.Output);     // 12 cases in batches of 4
        Assert.Contains("4 lines;     2", result.Output);                   // the chart's last table row, epoch 2
        Assert.Contains("PH2 not fetched yet", result.Output);
        Assert.Contains("ph2 and mads, 10% held out for validation", result.Output);
        Assert.Contains("mads: Segmentation Full Body MADS dataset", result.Output);
        Assert.Contains("a Picture shows as text/html and image/png", result.Output);
        Assert.Contains("quiz: ", result.Output);
        Assert.Contains("PCK of the heatmaps' own maxima: 1.00", result.Output);
    }
}
