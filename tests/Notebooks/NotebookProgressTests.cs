using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Segmentation.Interactive;
using Segmentation.Training;

namespace Lesson.Tests.Notebooks;

public class NotebookProgressTests
{
    /// <summary>Three epochs of ten steps, as Trainer.Fit reports them.</summary>
    public static IEnumerable<TrainingProgress> ThreeEpochsOfTenSteps() =>
        from epoch in Enumerable.Range(1, 3)
        from step in Enumerable.Range(1, 10)
        select new TrainingProgress(epoch, 3, step, 10, 1.0 / step, epoch > 1 ? 0.5 : null, TimeSpan.FromSeconds(30 - 10 * epoch - step));

    [Fact]
    public async Task In_a_notebook_cell_one_output_is_shown_then_updated_under_its_own_id_and_ends_on_the_last_step()
    {
        // A real C# notebook kernel runs a cell that reports three epochs through the progress line.
        using var kernel = new CSharpKernel();
        kernel.AddAssemblyReferences([typeof(NotebookProgress).Assembly.Location, typeof(TrainingProgress).Assembly.Location,
            typeof(NotebookProgressTests).Assembly.Location]);
        var cell = await kernel.SendAsync(new SubmitCode("""
            var report = Segmentation.Interactive.NotebookProgress.Line(secondsBetweenUpdates: 3600);
            foreach (var progress in Lesson.Tests.Notebooks.NotebookProgressTests.ThreeEpochsOfTenSteps())
                report(progress);
            """));

        Assert.DoesNotContain(cell.Events, e => e is CommandFailed);
        var shown = Assert.Single(cell.Events.OfType<DisplayedValueProduced>());
        var updates = cell.Events.OfType<DisplayedValueUpdated>().ToList();
        // The first step, then the end of each epoch: not one output per step, and every update names the one output,
        // so Jupyter redraws it instead of ignoring the updates.
        Assert.Equal(3, updates.Count);
        Assert.False(string.IsNullOrEmpty(shown.ValueId));
        Assert.All(updates, update => Assert.Equal(shown.ValueId, update.ValueId));
        string last = updates[^1].FormattedValues.Single(f => f.MimeType == "text/plain").Value;
        Assert.Equal(ThreeEpochsOfTenSteps().Last().ToString(), last);
        Assert.StartsWith("epoch 3/3 [####################] 10/10", last);
        Assert.Empty(cell.Events.OfType<StandardOutputValueProduced>());
    }

    [Fact]
    public void Outside_a_notebook_it_prints_one_line_per_epoch()
    {
        Assert.False(NotebookProgress.InNotebook);
        var original = Console.Out;
        var written = new StringWriter();
        Console.SetOut(written);
        try
        {
            var report = NotebookProgress.Line(secondsBetweenUpdates: 0);
            foreach (var progress in ThreeEpochsOfTenSteps())
                report(progress);
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = written.ToString().TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("epoch 1/3 [####################] 10/10", lines[0]);
        Assert.StartsWith("epoch 3/3", lines[2]);
    }

    [Fact]
    public void A_negative_interval_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NotebookProgress.Line(-1));
    }
}
