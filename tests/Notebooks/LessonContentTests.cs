using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// Executes lessons 01-03 with the real `lesson run` (a real .NET Interactive kernel, each notebook in its own
/// process) and checks that every cell passes, that each lesson shows pictures, and that the numbers the text
/// relies on come out as it says. One run for all three keeps the suite's time down.
/// </summary>
public class Lessons01To03Tests
{
    static readonly string[] Lessons =
    [
        "notebooks/01-what-is-segmentation.ipynb",
        "notebooks/02-encoder-decoder-networks.ipynb",
        "notebooks/03-pixel-wise-losses.ipynb",
    ];

    [Fact]
    public void Lessons_01_to_03_pass_every_cell_show_pictures_and_teach_what_they_claim()
    {
        string output = RepoPaths.NewTempFolder("lessons-01-03");
        var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(25), ["run", .. Lessons, "--out", output]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        foreach (var lesson in Lessons)
            Assert.Contains($"PASS  {lesson}", result.Output);
        Assert.Equal("3 passed, 0 failed", result.Output.TrimEnd().Split('\n')[^1].Trim());

        var texts = new Dictionary<string, string>();
        foreach (var lesson in Lessons)
        {
            using var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, lesson)));
            var outputs = notebook.RootElement.GetProperty("cells").EnumerateArray()
                .SelectMany(cell => cell.TryGetProperty("outputs", out var o) ? o.EnumerateArray() : Enumerable.Empty<JsonElement>())
                .ToList();
            int pictures = outputs.Count(o => o.TryGetProperty("data", out var data) && data.TryGetProperty("image/png", out _));
            Assert.True(pictures >= 1, $"{lesson} shows no picture");
            texts[lesson] = string.Concat(outputs.Select(Text));
        }

        // 01: the quiz ships unanswered and says so instead of failing; the touching moles merge.
        string first = texts[Lessons[0]];
        Assert.Contains("not answered yet: replace '?' with a, b or c.", first);
        Assert.Contains("argmax over the channels equals the class ids: True", first);
        Assert.Contains("3 objects", first);

        // 02: the skip connections show in the channel counts, and U-Net learns the masks.
        string second = texts[Lessons[1]];
        Assert.Contains("decoder.0.conv.weight  takes 384 channels in", second);
        var uNetDice = Regex.Match(second, @"U-Net\s+Dice (\d\.\d+)");
        Assert.True(uNetDice.Success, second);
        Assert.True(Number(uNetDice.Groups[1].Value) > 0.8, uNetDice.Value);

        // 03: the double-sigmoid loss never goes below its floor; the right loss ends below it.
        string third = texts[Lessons[2]];
        double floor = Number(Regex.Match(third, @"cannot go below (\d\.\d+)").Groups[1].Value);
        var twice = Losses(Regex.Match(third, @"twice\s+training loss by epoch: ([\d. ]+)").Groups[1].Value);
        var right = Losses(Regex.Match(third, @"right\s+training loss by epoch: ([\d. ]+)").Groups[1].Value);
        Assert.NotEmpty(twice);
        Assert.All(twice, loss => Assert.True(loss > floor, $"double-sigmoid loss {loss} below its floor {floor}"));
        Assert.True(right[^1] < floor, $"the right loss ended at {right[^1]}, not below the floor {floor}");
        Assert.Contains("Quiz after the lesson", third);
    }

    static string Text(JsonElement output)
    {
        JsonElement text;
        if (output.TryGetProperty("text", out text)
            || (output.TryGetProperty("data", out var data) && data.TryGetProperty("text/plain", out text)))
            return text.ValueKind == JsonValueKind.Array ? string.Concat(text.EnumerateArray().Select(t => t.GetString())) : text.GetString() ?? "";
        return "";
    }

    static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    static double[] Losses(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number).ToArray();
}
