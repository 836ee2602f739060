using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lesson.Tests;

/// <summary>Executes notebooks with the real `lesson run` in a real .NET Interactive kernel.</summary>
public class NotebookTests
{
    [Fact]
    public void Quickstart_notebook_trains_for_real_and_passes_every_cell()
    {
        string output = RepoPaths.NewTempFolder("executed");
        var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(15), "run", "notebooks/00-quickstart.ipynb", "--out", output);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("PASS  notebooks/00-quickstart.ipynb", result.Output);
        Assert.Equal("1 passed, 0 failed", LastLine(result.Output));

        var dice = Regex.Match(result.Output, @"^\s*Dice on \d+ held-out images: (\d\.\d+)", RegexOptions.Multiline);
        Assert.True(dice.Success, "the notebook printed no Dice line:\n" + result.Output);
        Assert.True(double.Parse(dice.Groups[1].Value, CultureInfo.InvariantCulture) > 0.8, dice.Value);

        // The executed copy keeps its outputs, pictures included, so it reads well in a repository browser.
        string executed = Path.Combine(output, "notebooks", "00-quickstart.ipynb");
        using var notebook = JsonDocument.Parse(File.ReadAllText(executed));
        var pictures = notebook.RootElement.GetProperty("cells").EnumerateArray()
            .SelectMany(cell => cell.TryGetProperty("outputs", out var outputs) ? outputs.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Count(o => o.TryGetProperty("data", out var data) && data.TryGetProperty("image/png", out _));
        Assert.True(pictures >= 2, $"expected the sample and the predictions as pictures, found {pictures}");
    }

    [Fact]
    public void A_failing_cell_fails_the_run_and_shows_its_error()
    {
        string folder = RepoPaths.NewTempFolder("broken");
        string notebook = Path.Combine(folder, "broken.ipynb");
        File.WriteAllText(notebook, BrokenNotebook);

        var result = ToolProcess.Run(folder, TimeSpan.FromMinutes(3), "run", notebook, "--out", Path.Combine(folder, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL", result.Output);
        Assert.Contains("cell 2", result.Output);
        Assert.Contains("the mask is missing", result.Output);
        Assert.Equal("0 passed, 1 failed", LastLine(result.Output));
    }

    static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].Trim();

    const string BrokenNotebook = """
        {
         "cells": [
          { "cell_type": "code", "execution_count": null, "id": "a", "metadata": { "polyglot_notebook": { "kernelName": "csharp" } }, "outputs": [],
            "source": [ "var x = 1 + 1;" ] },
          { "cell_type": "code", "execution_count": null, "id": "b", "metadata": { "polyglot_notebook": { "kernelName": "csharp" } }, "outputs": [],
            "source": [ "throw new InvalidOperationException(\"the mask is missing\");" ] },
          { "cell_type": "code", "execution_count": null, "id": "c", "metadata": { "polyglot_notebook": { "kernelName": "csharp" } }, "outputs": [],
            "source": [ "Console.WriteLine(\"never reached\");" ] }
         ],
         "metadata": { "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" } },
         "nbformat": 4, "nbformat_minor": 5
        }
        """;
}
