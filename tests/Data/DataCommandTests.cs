using System.Text.Json;
using Segmentation.Data;
using Segmentation.Samples;

namespace Lesson.Tests.Data;

/// <summary>`lesson data inspect|sample` and `lesson bench data`, run as the real tool in a child process.</summary>
public class DataCommandTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    static JsonElement Json(ToolProcess.Result result)
    {
        var line = result.Output.Trim();
        Assert.False(line.Contains('\n'), "expected one JSON line, got:\n" + result.Output + result.Error);
        return JsonDocument.Parse(line).RootElement;
    }

    [Fact]
    public void Inspect_counts_the_200_case_sample_and_its_diagnoses_as_the_txt_writes_them()
    {
        string root = Ph2Sample.EnsureDefault(Path.Combine(RepoPaths.Root, "data"));
        // Count the clinical-diagnosis codes straight from the text, independently of the kit's parser.
        var codes = File.ReadLines(Path.Combine(root, "PH2Dataset", "PH2_dataset.txt"))
            .Select(line => line.Split("||"))
            .Where(cells => cells.Length > 3 && cells[1].Trim().StartsWith("IMD"))
            .Select(cells => cells[3].Trim())
            .ToList();

        var result = ToolProcess.Run(RepoPaths.Root, Timeout, "data", "inspect", "ph2", root, "--json");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var json = Json(result);
        Assert.Equal("ph2", json.GetProperty("dataset").GetString());
        Assert.Equal(200, json.GetProperty("cases").GetInt32());
        var classes = json.GetProperty("classes");
        Assert.Equal(codes.Count(c => c == "0"), classes.GetProperty("common_nevus").GetInt32());
        Assert.Equal(codes.Count(c => c == "1"), classes.GetProperty("atypical_nevus").GetInt32());
        Assert.Equal(codes.Count(c => c == "2"), classes.GetProperty("melanoma").GetInt32());
        Assert.Equal(200, codes.Count);
        Assert.Equal([768, 560], json.GetProperty("image_size").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal(0, json.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public void Inspect_lists_every_bad_case_with_its_file_and_still_counts_the_good_ones()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("inspect-bad"), count: 10, seed: 4);
        var cases = Ph2Dataset.Load(root);
        var damages = Enum.GetValues<Damage>();
        var expected = new Dictionary<string, string>();
        for (int i = 0; i < damages.Length; i++)
        {
            var (file, _) = BadFiles.Apply(damages[i], cases[i].ImagePath, cases[i].MaskPath, Path.GetDirectoryName(cases[i].MaskPath)!, "bmp");
            expected[cases[i].Name] = file;
        }

        var result = ToolProcess.Run(RepoPaths.Root, Timeout, "data", "inspect", "ph2", root, "--json");

        Assert.True(result.ExitCode == 1, "problems found should give exit code 1\n" + result.Output + result.Error);
        var json = Json(result);
        Assert.Equal(cases.Count - damages.Length, json.GetProperty("cases").GetInt32());
        var problems = json.GetProperty("problems").EnumerateArray()
            .ToDictionary(p => p.GetProperty("case").GetString()!, p => p.GetProperty("file").GetString()!);
        Assert.Equal(expected.OrderBy(e => e.Key), problems.OrderBy(p => p.Key));
    }

    [Fact]
    public void Sample_writes_a_mads_sample_that_inspect_reads_with_activity_counts()
    {
        string output = Path.Combine(RepoPaths.NewTempFolder("sample-cmd"), "mads");

        var written = ToolProcess.Run(RepoPaths.Root, Timeout, "data", "sample", "mads", "--out", output, "--count", "18", "--seed", "2");
        Assert.True(written.ExitCode == 0, written.Output + written.Error);

        var result = ToolProcess.Run(RepoPaths.Root, Timeout, "data", "inspect", "mads", output, "--json");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var json = Json(result);
        Assert.Equal(18, json.GetProperty("cases").GetInt32());
        // 9 frames (3 frames x 3 cameras) of the first sequence (HipHop), then 9 of the second (Jazz).
        var classes = json.GetProperty("classes");
        Assert.Equal(9, classes.GetProperty("HipHop").GetInt32());
        Assert.Equal(9, classes.GetProperty("Jazz").GetInt32());
        Assert.Equal([512, 384], json.GetProperty("image_size").EnumerateArray().Select(v => v.GetInt32()));
    }

    [Fact]
    public void Inspect_of_a_folder_that_is_no_dataset_says_so_and_misuse_shows_the_usage()
    {
        string empty = RepoPaths.NewTempFolder("inspect-empty");
        var result = ToolProcess.Run(RepoPaths.Root, Timeout, "data", "inspect", "mads", empty, "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No MADS images", result.Error);

        var misuse = ToolProcess.Run(RepoPaths.Root, Timeout, "data", "inspect", "cats", empty);
        Assert.Equal(2, misuse.ExitCode);
        Assert.Contains("ph2 or mads", misuse.Error);
    }

    [Fact]
    public void Bench_data_prints_images_per_second_as_json()
    {
        var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(5), "bench", "data", "--json", "--runs", "1", "--size", "64");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var json = Json(result);
        Assert.Equal(200, json.GetProperty("images").GetInt32());
        Assert.True(json.GetProperty("images_per_s").GetDouble() > 0);
        Assert.True(json.GetProperty("pairs_per_s").GetDouble() > 0);
    }
}
