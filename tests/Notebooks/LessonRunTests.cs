using System.Text.Json;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// The numbered lessons executed by the main job, `lesson run`, in a real .NET Interactive kernel (the quickstart
/// and the lab have tests of their own). Each must pass and keep pictures among its outputs.
/// </summary>
public class LessonRunTests
{
    public static TheoryData<string> Lessons()
    {
        var data = new TheoryData<string>();
        foreach (var notebook in Directory.GetFiles(Path.Combine(RepoPaths.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
            if (!Path.GetFileName(notebook).StartsWith("00-", StringComparison.Ordinal))
                data.Add(Path.GetRelativePath(RepoPaths.Root, notebook).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Lesson_notebook_passes_in_lesson_run_with_pictures(string notebook)
    {
        string output = RepoPaths.NewTempFolder("lessons");
        var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(20), "run", notebook, "--out", output);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal("1 passed, 0 failed", result.Output.TrimEnd().Split('\n')[^1].Trim());

        using var executed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, notebook)));
        int pictures = executed.RootElement.GetProperty("cells").EnumerateArray()
            .SelectMany(cell => cell.TryGetProperty("outputs", out var outputs) ? outputs.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Count(o => o.TryGetProperty("data", out var data) && data.TryGetProperty("image/png", out _));
        Assert.True(pictures >= 1, $"{notebook} produced no picture");
    }
}
