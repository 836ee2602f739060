using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Training;

namespace Lesson.Tests.Notebooks;

public class NotebookProgressTests
{
    static IEnumerable<TrainingProgress> ThreeEpochsOfTenSteps() =>
        from epoch in Enumerable.Range(1, 3)
        from step in Enumerable.Range(1, 10)
        select new TrainingProgress(epoch, 3, step, 10, 1.0 / step, epoch > 1 ? 0.5 : null, TimeSpan.FromSeconds(30 - 10 * epoch - step));

    [Fact]
    public void In_a_notebook_one_output_is_shown_then_updated_under_the_same_id_and_ends_on_the_last_step()
    {
        var seen = new List<(string Id, bool IsUpdated, string Text)>();
        // What a notebook kernel does: listen to displayed values and turn them into outputs.
        using (Formatter.SubscribeToDisplayedValues(value =>
                   seen.Add((value.DisplayId, value.IsUpdated, (string)value.FormattedValues.Single(f => f.MimeType == "text/plain").Value))))
        {
            Assert.True(NotebookProgress.InNotebook);
            var report = NotebookProgress.Line(secondsBetweenUpdates: 3600);
            foreach (var progress in ThreeEpochsOfTenSteps())
                report(progress);
        }

        // The first step, then the end of each epoch: not one output per step.
        Assert.Equal(4, seen.Count);
        Assert.Single(seen.Select(s => s.Id).Distinct());
        Assert.Equal([false, true, true, true], seen.Select(s => s.IsUpdated));
        Assert.Equal(ThreeEpochsOfTenSteps().Last().ToString(), seen[^1].Text);
        Assert.StartsWith("epoch 3/3 [####################] 10/10", seen[^1].Text);
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
