using ScottPlot;
using SkiaSharp;

namespace Segmentation.Visualisation;

/// <summary>
/// Draws a <see cref="TrainingCurves"/> chart as a PNG with ScottPlot: the same panels, lines, colours and axis
/// titles as the interactive chart, with the legend beside each panel so that it never hides a line.
/// </summary>
internal static class TrainingCurvesDrawing
{
    /// <summary>Size of the picture with both panels; a chart with one panel keeps the width and is less tall.</summary>
    public const int Width = 880, Height = 600, OnePanelHeight = 360;

    const float TickSize = 14, LabelSize = 16, TitleSize = 19, LegendSize = 14;
    const int LeftMargin = 80;

    /// <summary>
    /// The first of the usual sans-serif fonts (Windows, macOS, then Linux) that is installed, or ScottPlot's own
    /// choice. On a Linux machine without any font (a bare container) the picture has lines but no text.
    /// </summary>
    static readonly Lazy<string> FontName = new(() =>
        new[] { "Segoe UI", "Helvetica Neue", "Helvetica", "Arial", "DejaVu Sans", "Liberation Sans", "Noto Sans", "Ubuntu", "Cantarell" }
            .FirstOrDefault(name => SKFontManager.Default.MatchFamily(name) is not null) ?? Fonts.Default);

    public static TrainingCurvesPicture Draw(TrainingCurves curves)
    {
        var panels = new[] { TrainingCurves.LossPanel, TrainingCurves.ScorePanel }
            .Where(panel => curves.Series.Any(s => s.Panel == panel))
            .ToList();
        int rightMargin = RightMarginFor(curves.Series);
        var (firstEpoch, lastEpoch) = (curves.Series.Min(s => s.Epochs.Min()), curves.Series.Max(s => s.Epochs.Max()));

        var plots = panels.Select((panel, i) =>
        {
            bool first = i == 0, last = i == panels.Count - 1;
            var plot = Panel(curves, panel, firstEpoch, lastEpoch);
            if (first)
            {
                plot.Title(curves.Title);
                plot.Axes.Title.Label.FontSize = TitleSize;
            }
            if (last)
                plot.XLabel(Course.Text("epoch"));
            plot.Axes.Bottom.Label.FontSize = LabelSize;
            plot.Layout.Fixed(new PixelPadding(left: LeftMargin, right: rightMargin, bottom: last ? 60 : 28, top: first ? 48 : 14));
            return plot;
        }).ToList();

        int height = panels.Count == 2 ? Height : OnePanelHeight;
        var figure = new Multiplot(plots[0]);
        foreach (var plot in plots.Skip(1))
            figure.AddPlot(plot);
        byte[] png = figure.Render(Width, height).GetImageBytes(ImageFormat.Png);
        return new TrainingCurvesPicture(png, Width, height, curves.Caption);
    }

    /// <summary>One panel: its lines with markers, its y axis (loss from 0; scores 0 to 1) and its legend on the right.</summary>
    static Plot Panel(TrainingCurves curves, string panel, int firstEpoch, int lastEpoch)
    {
        var plot = new Plot();
        plot.Font.Set(FontName.Value);
        double highest = 0;
        foreach (var line in curves.Series.Where(s => s.Panel == panel))
        {
            // A value that is not a number (a diverged epoch) cannot be drawn: leave that point out.
            var points = line.Epochs.Zip(line.Values).Where(p => double.IsFinite(p.Second)).ToArray();
            var scatter = plot.Add.Scatter(points.Select(p => (double)p.First).ToArray(), points.Select(p => p.Second).ToArray());
            scatter.LegendText = line.Name;
            scatter.Color = Color.FromHex(line.Colour!);
            scatter.LineWidth = 2;
            scatter.MarkerSize = 7;
            if (points.Length > 0)
                highest = Math.Max(highest, points.Max(p => p.Second));
        }

        bool scores = panel == TrainingCurves.ScorePanel;
        plot.YLabel(scores ? curves.ScoreTitle : Course.Text("loss"));
        // Loss from 0, scores 0 to 1, with a little room so that points at the limits are not drawn on the frame.
        double top = scores ? 1 : highest > 0 ? highest : 1;
        plot.Axes.SetLimitsY(-0.02 * top, 1.05 * top);
        plot.Axes.SetLimitsX(firstEpoch - 0.4, lastEpoch + 0.4);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.FontSize = LabelSize;
        plot.Axes.Left.TickLabelStyle.FontSize = TickSize;
        plot.Axes.Bottom.TickLabelStyle.FontSize = TickSize;
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = LegendSize;
        return plot;
    }

    /// <summary>Room on the right for the widest legend entry, the same for both panels so that their plot areas line up.</summary>
    static int RightMarginFor(IEnumerable<CurveSeries> series)
    {
        using var typeface = SKFontManager.Default.MatchFamily(FontName.Value) ?? SKTypeface.Default;
        using var font = new SKFont(typeface, LegendSize);
        float widest = series.Max(s => font.MeasureText(s.Name));
        return (int)Math.Ceiling(widest) + 100; // + the gap, the line symbol, paddings, the legend's frame and shadow
    }
}
