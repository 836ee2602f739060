using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Training;
using Segmentation.Visualisation;

namespace Lesson.Tests.Visualisation;

public class TrainingCurvesTests
{
    static readonly EpochResult[] History =
    [
        new(1, TrainLoss: 0.61234, ValidationLoss: 0.55, ValidationDice: 0.4321, ValidationIoU: 0.2756, Seconds: 3, Steps: 23),
        new(2, TrainLoss: 0.31, ValidationLoss: 0.29, ValidationDice: 0.8123, ValidationIoU: 0.6838, Seconds: 3, Steps: 23),
        new(3, TrainLoss: 0.18, ValidationLoss: 0.21, ValidationDice: 0.9012, ValidationIoU: 0.8202, Seconds: 3, Steps: 23),
    ];

    [Fact]
    public void One_run_draws_both_losses_and_both_scores_with_every_epochs_value()
    {
        var curves = TrainingCurves.Of(History, "U-Net");
        string html = curves.ToInlineHtml();

        Assert.Equal(["training loss", "validation loss", "validation Dice", "validation IoU"], curves.Series.Select(s => s.Name));
        // The plotted data, as plotly.js receives it.
        Assert.Contains("\"name\":\"training loss\"", html);
        Assert.Contains("\"name\":\"validation Dice\"", html);
        Assert.Contains("\"x\":[1,2,3]", html);
        Assert.Contains("\"y\":[0.6123,0.31,0.18]", html);       // training loss, rounded to 4 places
        Assert.Contains("\"y\":[0.4321,0.8123,0.9012]", html);   // validation Dice
        Assert.Contains("\"yaxis\":\"y2\"", html);               // scores in the lower panel
        Assert.Contains("U-Net", html);
        Assert.Contains($"Plotly.newPlot('{curves.Id}'", html);
        Assert.Contains($"<div id=\"{curves.Id}\"", html);
        // The numbers are also in a table, for viewers that do not run scripts (e.g. a repository browser).
        Assert.Contains("<td>3</td><td>0.1800</td><td>0.2100</td><td>0.9012</td><td>0.8202</td>", html);
    }

    [Fact]
    public void The_chart_loads_a_pinned_plotly_through_require_or_a_script_tag()
    {
        string html = TrainingCurves.Of(History).ToInlineHtml();

        Assert.Contains($"https://cdn.plot.ly/plotly-{TrainingCurves.PlotlyVersion}.min", html);
        Assert.Contains("requirejs", html);
        Assert.Contains("createElement('script')", html);
        Assert.DoesNotContain("plotly-latest", html);
    }

    [Fact]
    public void Notebooks_get_the_chart_as_html_and_terminals_the_numbers_as_text()
    {
        var curves = TrainingCurves.Of(History, "SegNet");

        string html = curves.ToDisplayString("text/html");
        string text = curves.ToDisplayString("text/plain");

        Assert.Contains($"Plotly.newPlot('{curves.Id}'", html);
        Assert.StartsWith("SegNet", text);
        var lines = text.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal("epoch  training loss  validation loss  validation Dice  validation IoU", lines[1]);
        Assert.Equal(["3", "0.1800", "0.2100", "0.9012", "0.8202"], lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(text, curves.ToString());
    }

    [Fact]
    public void Comparing_runs_draws_each_runs_validation_loss_and_Dice()
    {
        var other = History.Select(e => e with { ValidationDice = e.ValidationDice - 0.1 }).ToArray();
        var curves = TrainingCurves.Compare(("SegNet", other), ("U-Net", History));
        string html = curves.ToInlineHtml();

        Assert.Equal("SegNet vs U-Net", curves.Title);
        Assert.Equal(["SegNet validation loss", "SegNet validation Dice", "U-Net validation loss", "U-Net validation Dice"],
            curves.Series.Select(s => s.Name));
        Assert.Contains("\"name\":\"SegNet validation Dice\"", html);
        Assert.Contains("\"y\":[0.3321,0.7123,0.8012]", html);
        Assert.Contains("\"y\":[0.4321,0.8123,0.9012]", html);
    }

    [Fact]
    public void Comparing_runs_of_different_lengths_leaves_the_missing_epochs_empty_in_the_table()
    {
        var curves = TrainingCurves.Compare(("short", History[..2]), ("long", History));
        string html = curves.ToInlineHtml();

        Assert.Contains("<th>short validation Dice</th>", html);
        Assert.Contains("<tr><td>3</td><td></td><td></td><td>0.2100</td><td>0.9012</td></tr>", html);
    }

    [Fact]
    public void Any_per_epoch_numbers_can_be_drawn_with_their_own_score_axis()
    {
        int[] epochs = [1, 2, 3];
        var curves = TrainingCurves.FromSeries("pose U-Net", "PCK",
            new CurveSeries("training loss", TrainingCurves.LossPanel, epochs, [0.3, 0.2, 0.1]),
            new CurveSeries("PCK@4 px", TrainingCurves.ScorePanel, epochs, [0.25, 0.5, 0.75]));
        string html = curves.ToInlineHtml();

        Assert.Contains("\"title\":\"PCK\"", html);
        Assert.Contains("\"y\":[0.25,0.5,0.75]", html);
        Assert.Contains("<tr><td>2</td><td>0.2000</td><td>0.5000</td></tr>", html);
        var mismatch = Assert.Throws<ArgumentException>(() => TrainingCurves.FromSeries("x", "PCK",
            new CurveSeries("loss", TrainingCurves.LossPanel, epochs, [0.3, 0.2])));
        Assert.Contains("one value per epoch", mismatch.Message);
    }

    [Fact]
    public void Two_charts_have_different_ids_so_they_can_share_a_page()
    {
        Assert.NotEqual(TrainingCurves.Of(History).Id, TrainingCurves.Of(History).Id);
    }

    [Fact]
    public void SaveAs_writes_a_complete_page()
    {
        string path = Path.Combine(RepoPaths.NewTempFolder("curves"), "charts", "unet.html");
        var curves = TrainingCurves.Of(History, "U-Net <small>");

        curves.SaveAs(path);

        string page = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("<title>U-Net &lt;small&gt;</title>", page);
        Assert.Contains(curves.ToInlineHtml(), page);
        Assert.Matches(new Regex("</html>\\s*$"), page);
    }

    [Fact]
    public void An_empty_history_is_refused_with_a_hint()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingCurves.Of([]));
        Assert.Contains("train first", error.Message);
        Assert.Throws<ArgumentException>(() => TrainingCurves.Compare(("U-Net", History), ("SegNet", [])));
        Assert.Throws<ArgumentException>(() => TrainingCurves.Compare());
    }
}
