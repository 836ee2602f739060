namespace Lesson.Tests.Visualisation;

/// <summary>
/// Training curves in a real notebook kernel, run by the kit's `lesson run` (the in-process kernel, set up like
/// VS Code's Polyglot): one display gives the static picture, then the interactive chart. The stock Jupyter kernel
/// is checked with the same notebook in <see cref="Notebooks.JupyterKernelTests"/>.
/// </summary>
public class TrainingCurvesNotebookTests
{
    [Fact]
    public void A_chart_shows_its_static_picture_then_its_interactive_version()
    {
        string folder = RepoPaths.NewTempFolder("chart-notebook");
        string notebook = ChartNotebook.Write(folder);

        var run = ToolProcess.Run(folder, TimeSpan.FromMinutes(5), "run", notebook, "--out", Path.Combine(folder, "out"));

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        ChartNotebook.AssertEachChartFollowsItsPicture(Path.Combine(folder, "out", "chart.ipynb"));
    }
}
