using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Interactive;
using Segmentation.Training;
using Segmentation.Visualisation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Lesson.Tests.Visualisation;

public class TrainingCurvesTests
{
    // What the notebooks' load cell does: the chart formatters live in the notebook front end.
    public TrainingCurvesTests() => NotebookFormatters.Register();

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
        Assert.Contains($"<img src=\"data:image/png;base64,{curves.Picture.ToBase64()}\"", page); // seen offline too
        Assert.Matches(new Regex("</html>\\s*$"), page);
    }

    [Fact]
    public void The_caption_says_the_title_the_epochs_and_each_panels_axis_and_lines()
    {
        Assert.Equal(
            "U-Net, by epoch (1 to 3). Top: loss (training loss, validation loss). "
            + "Bottom: Dice / IoU, 0 to 1 (validation Dice, validation IoU).",
            TrainingCurves.Of(History, "U-Net").Caption);
        Assert.Equal(
            "pose, by epoch (epoch 1). Loss (training loss).",
            TrainingCurves.FromSeries("pose", "PCK", new CurveSeries("training loss", TrainingCurves.LossPanel, [1], [0.3])).Caption);
    }

    [Fact]
    public void The_picture_is_a_png_with_the_loss_lines_on_top_and_the_score_lines_below()
    {
        var curves = TrainingCurves.Of(History, "U-Net");
        var picture = curves.Picture;

        using var image = Image.Load<Rgb24>(picture.Png);
        Assert.Equal((picture.Width, picture.Height), (image.Width, image.Height));
        Assert.Equal((880, 600), (image.Width, image.Height));
        Assert.Equal(curves.Caption, picture.Caption);
        int middle = image.Height / 2;
        foreach (var line in curves.Series)
        {
            bool onTop = line.Panel == TrainingCurves.LossPanel;
            int top = Count(image, line.Colour!, 0, middle), bottom = Count(image, line.Colour!, middle, image.Height);
            Assert.True(onTop ? top > 100 && bottom == 0 : bottom > 100 && top == 0,
                $"{line.Name} ({line.Colour}): {top} pixels in the top panel, {bottom} in the bottom one");
        }
        // Dice is above IoU at every epoch, so its line reaches higher in the score panel.
        Assert.True(HighestRow(image, curves.Series[2].Colour!, middle) < HighestRow(image, curves.Series[3].Colour!, middle));
        // Text was drawn (a font was found): the title's dark pixels above the top panel.
        Assert.True(Count(image, "#000000", 0, 40, tolerance: 90) > 50, "the picture has no title: no font was found to draw text with");
    }

    [Fact]
    public void The_picture_shows_each_compared_run_in_one_colour()
    {
        var worse = History.Select(e => e with { ValidationLoss = e.ValidationLoss + 0.1, ValidationDice = e.ValidationDice - 0.2 }).ToArray();
        var curves = TrainingCurves.Compare(("SegNet", worse), ("U-Net", History));

        Assert.Equal(curves.Series[0].Colour, curves.Series[1].Colour);
        Assert.NotEqual(curves.Series[1].Colour, curves.Series[2].Colour);
        Assert.Contains($"\"color\":\"{curves.Series[2].Colour}\"", curves.ToInlineHtml()); // the interactive chart agrees
        using var image = Image.Load<Rgb24>(curves.Picture.Png);
        foreach (var colour in new[] { curves.Series[0].Colour!, curves.Series[2].Colour! })
            Assert.True(Count(image, colour, 0, 300) > 100 && Count(image, colour, 300, 600) > 100, $"{colour} is missing from a panel");
    }

    [Fact]
    public void A_chart_with_one_panel_draws_one_panel_and_skips_values_that_are_not_numbers()
    {
        var curves = TrainingCurves.FromSeries("pose", "PCK",
            new CurveSeries("training loss", TrainingCurves.LossPanel, [1, 2, 3], [0.3, double.NaN, 0.1]));

        using var image = Image.Load<Rgb24>(curves.Picture.Png);
        Assert.Equal(360, image.Height);
        Assert.True(Count(image, TrainingCurves.Palette[0], 0, image.Height) > 100);
    }

    [Fact]
    public void A_series_colour_or_panel_that_cannot_be_drawn_is_refused()
    {
        int[] epochs = [1, 2];
        var colour = Assert.Throws<ArgumentException>(() => TrainingCurves.FromSeries("x", "PCK",
            new CurveSeries("loss", TrainingCurves.LossPanel, epochs, [0.3, 0.2], "red")));
        Assert.Contains("#rrggbb", colour.Message);
        var panel = Assert.Throws<ArgumentException>(() => TrainingCurves.FromSeries("x", "PCK",
            new CurveSeries("loss", "middle", epochs, [0.3, 0.2])));
        Assert.Contains("TrainingCurves.LossPanel", panel.Message);
    }

    [Fact]
    public void The_picture_displays_as_png_only_so_every_viewer_shows_the_image()
    {
        var picture = TrainingCurves.Of(History, "U-Net").Picture;

        // A viewer picks one MIME type per output, HTML first: a picture output must not offer HTML.
        Assert.Equal(["image/png", "text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(TrainingCurvesPicture)));
        Assert.Equal(Convert.ToBase64String(picture.Png), picture.ToDisplayString("image/png"));
        Assert.Equal(picture.Caption, picture.ToDisplayString("text/plain"));
    }

    [Fact]
    public void The_interactive_chart_starts_with_the_caption_and_takes_no_room_before_plotly_draws()
    {
        var curves = TrainingCurves.Of(History, "U-Net <b>");
        string html = curves.ToInlineHtml();

        Assert.StartsWith("<div class=\"training-curves\"><p class=\"training-curves-caption\">U-Net &lt;b&gt;, by epoch (1 to 3).", html);
        Assert.Contains($"<div id=\"{curves.Id}\"></div>", html); // no fixed size: no empty box where scripts do not run
    }

    [Fact]
    public void An_empty_history_is_refused_with_a_hint()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingCurves.Of([]));
        Assert.Contains("train first", error.Message);
        Assert.Throws<ArgumentException>(() => TrainingCurves.Compare(("U-Net", History), ("SegNet", [])));
        Assert.Throws<ArgumentException>(() => TrainingCurves.Compare());
    }

    /// <summary>Pixels in rows [from, to) within <paramref name="tolerance"/> of <paramref name="hex"/> in every channel.</summary>
    static int Count(Image<Rgb24> image, string hex, int from, int to, int tolerance = 12)
    {
        var colour = Rgb24Of(hex);
        int count = 0;
        for (int y = from; y < to; y++)
            for (int x = 0; x < image.Width; x++)
                if (Near(image[x, y], colour, tolerance))
                    count++;
        return count;
    }

    /// <summary>The first row at or below <paramref name="from"/> holding a pixel of <paramref name="hex"/>.</summary>
    static int HighestRow(Image<Rgb24> image, string hex, int from)
    {
        var colour = Rgb24Of(hex);
        for (int y = from; y < image.Height; y++)
            for (int x = 0; x < image.Width; x++)
                if (Near(image[x, y], colour, 12))
                    return y;
        return int.MaxValue;
    }

    static Rgb24 Rgb24Of(string hex) => Color.ParseHex(hex).ToPixel<Rgb24>();

    static bool Near(Rgb24 a, Rgb24 b, int tolerance) =>
        Math.Abs(a.R - b.R) <= tolerance && Math.Abs(a.G - b.G) <= tolerance && Math.Abs(a.B - b.B) <= tolerance;
}
