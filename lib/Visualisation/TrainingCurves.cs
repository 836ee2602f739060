using System.Globalization;
using System.Net;
using System.Text;
using Segmentation.Training;
using Plotly = XPlot.Plotly;

namespace Segmentation.Visualisation;

/// <summary>
/// Training curves: loss on top, validation Dice (and IoU) below, one point per epoch. A notebook shows two
/// outputs: a static picture (<see cref="Picture"/>, a PNG that every viewer shows, offline or in a repository
/// browser) and, under its caption, the same chart to hover and zoom (drawn by plotly.js, fetched from its CDN
/// when the notebook is viewed) with the numbers in a table (Segmentation.Interactive shows them so). <see cref="SaveAs"/>
/// writes a web page.
/// </summary>
/// <example>
/// <code>
/// var history = trainer.Fit(trainImages, trainMasks, testImages, testMasks);
/// TrainingCurves.Of(history, "U-Net")                                  // one run: losses, Dice and IoU
/// TrainingCurves.Compare(("SegNet", segnetHistory), ("U-Net", history)) // several runs: validation loss and Dice
/// TrainingCurves.FromSeries("pose", "PCK", lossSeries, pckSeries)       // any per-epoch numbers, e.g. a pose network's
/// </code>
/// </example>
public sealed class TrainingCurves
{
    /// <summary>The plotly.js release the charts load: pinned, so a chart looks the same next year.</summary>
    public const string PlotlyVersion = "2.35.2";

    /// <summary>Name of the top panel (losses) in <see cref="CurveSeries.Panel"/>.</summary>
    public const string LossPanel = "loss";

    /// <summary>Name of the bottom panel (Dice, IoU) in <see cref="CurveSeries.Panel"/>.</summary>
    public const string ScorePanel = "score";

    /// <summary>
    /// The colours given to lines in order: plotly's own default colours, written out so that the static picture
    /// and the interactive chart colour each line alike.
    /// </summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    const int Width = 760, Height = 480;

    readonly Lazy<TrainingCurvesPicture> picture;

    TrainingCurves(string title, IReadOnlyList<CurveSeries> series, string scoreTitle = "Dice / IoU")
    {
        Title = title;
        Series = series.Select((line, i) => line.Colour is null ? line with { Colour = Palette[i % Palette.Count] } : line).ToList();
        ScoreTitle = scoreTitle;
        Id = "training-curves-" + Guid.NewGuid().ToString("N")[..12];
        picture = new Lazy<TrainingCurvesPicture>(() => TrainingCurvesDrawing.Draw(this));
    }

    /// <summary>The chart's title.</summary>
    public string Title { get; }

    /// <summary>The lines drawn, in legend order, each with its <see cref="CurveSeries.Colour"/>.</summary>
    public IReadOnlyList<CurveSeries> Series { get; }

    /// <summary>Title of the lower panel's axis, e.g. "Dice / IoU" or "PCK".</summary>
    public string ScoreTitle { get; }

    /// <summary>
    /// What the chart shows, in words: its title, the epochs, and each panel's axis and lines, e.g.
    /// "U-Net, by epoch (1 to 3). Top: loss (training loss, validation loss). Bottom: Dice / IoU, 0 to 1 (validation Dice, validation IoU)."
    /// </summary>
    public string Caption
    {
        get
        {
            var epochs = AllEpochs().ToList();
            string range = epochs.Count == 1 ? Course.Say("epoch {0}", epochs[0]) : Course.Say("{0} to {1}", epochs[0], epochs[^1]);
            var panels = new List<string>();
            foreach (var (panel, axis) in new[] { (LossPanel, Course.Text("loss")), (ScorePanel, Course.Say("{0}, 0 to 1", ScoreTitle)) })
            {
                var names = Series.Where(s => s.Panel == panel).Select(s => s.Name).ToList();
                if (names.Count > 0)
                    panels.Add($"{axis} ({string.Join(", ", names)})");
            }
            string layout = panels.Count == 2 ? Course.Say("Top: {0}. Bottom: {1}.", panels[0], panels[1]) : $"{char.ToUpperInvariant(panels[0][0])}{panels[0][1..]}.";
            return Course.Say("{0}, by epoch ({1}). {2}", Title, range, layout);
        }
    }

    /// <summary>The chart as a static PNG picture (drawn once, when first asked for), shown by every notebook viewer.</summary>
    public TrainingCurvesPicture Picture => picture.Value;

    /// <summary>The HTML id of the chart's drawing area (unique per chart, so several charts can share a page).</summary>
    public string Id { get; }

    /// <summary>
    /// One run's curves: training and validation loss in the top panel, validation Dice and IoU in the bottom one.
    /// Training loss falling while validation loss rises is overfitting.
    /// </summary>
    /// <param name="history">The epochs, as returned by <see cref="O:Segmentation.Training.Trainer.Fit"/> or <see cref="Trainer.History"/>.</param>
    /// <param name="title">Shown above the chart, e.g. the model's name.</param>
    /// <exception cref="ArgumentException">The history is empty.</exception>
    /// <remarks>Its default title, its lines' names, its caption and its axes are in the course's language (<see cref="Course"/>).</remarks>
    public static TrainingCurves Of(IReadOnlyList<EpochResult> history, string? title = null)
    {
        RequireEpochs(history, nameof(history));
        var epochs = history.Select(e => e.Epoch).ToArray();
        CurveSeries Line(string name, string panel, Func<EpochResult, double> value) =>
            new(name, panel, epochs, history.Select(value).ToArray());
        return new TrainingCurves(title ?? Course.Text("Training curves"),
            [
                Line(Course.Text("training loss"), LossPanel, e => e.TrainLoss),
                Line(Course.Text("validation loss"), LossPanel, e => e.ValidationLoss),
                Line(Course.Text("validation Dice"), ScorePanel, e => e.ValidationDice),
                Line(Course.Text("validation IoU"), ScorePanel, e => e.ValidationIoU),
            ]);
    }

    /// <summary>
    /// Several runs side by side: each run's validation loss (top) and validation Dice (bottom), one colour per run.
    /// </summary>
    /// <param name="runs">Each run's name (shown in the legend) and history.</param>
    /// <exception cref="ArgumentException">No runs, or a run without epochs.</exception>
    public static TrainingCurves Compare(params (string Name, IReadOnlyList<EpochResult> History)[] runs)
    {
        if (runs is null || runs.Length == 0)
            throw new ArgumentException("Give at least one run to compare, e.g. (\"U-Net\", history).", nameof(runs));
        var series = new List<CurveSeries>();
        foreach (var (name, history) in runs)
        {
            RequireEpochs(history, nameof(runs), name);
            var epochs = history.Select(e => e.Epoch).ToArray();
            string colour = Palette[series.Count / 2 % Palette.Count]; // one colour per run, in both panels
            series.Add(new CurveSeries(Course.Say("{0} validation loss", name), LossPanel, epochs, history.Select(e => e.ValidationLoss).ToArray(), colour));
            series.Add(new CurveSeries(Course.Say("{0} validation Dice", name), ScorePanel, epochs, history.Select(e => e.ValidationDice).ToArray(), colour));
        }
        return new TrainingCurves(string.Join(" vs ", runs.Select(r => r.Name)), series);
    }

    /// <summary>
    /// A chart of any per-epoch numbers: series in <see cref="LossPanel"/> go on top, those in <see cref="ScorePanel"/>
    /// below, on a 0..1 axis titled <paramref name="scoreTitle"/> (for example "PCK" for a pose network).
    /// </summary>
    /// <exception cref="ArgumentException">No series, a series without values, or epochs and values of different lengths.</exception>
    public static TrainingCurves FromSeries(string title, string scoreTitle, params CurveSeries[] series)
    {
        if (series is null || series.Length == 0)
            throw new ArgumentException("Give at least one series to draw, e.g. new CurveSeries(\"training loss\", TrainingCurves.LossPanel, epochs, losses).", nameof(series));
        foreach (var line in series)
        {
            if (line.Values.Count == 0 || line.Values.Count != line.Epochs.Count)
                throw new ArgumentException($"The series '{line.Name}' has {line.Epochs.Count} epochs and {line.Values.Count} values; give one value per epoch, at least one.", nameof(series));
            if (line.Panel is not (LossPanel or ScorePanel))
                throw new ArgumentException($"The series '{line.Name}' is in panel '{line.Panel}'; use TrainingCurves.LossPanel or TrainingCurves.ScorePanel.", nameof(series));
            if (line.Colour is { } colour && !System.Text.RegularExpressions.Regex.IsMatch(colour, "^#[0-9a-fA-F]{6}$"))
                throw new ArgumentException($"The series '{line.Name}' has colour '{colour}'; write it as \"#rrggbb\", e.g. \"#1f77b4\", or leave it out.", nameof(series));
        }
        return new TrainingCurves(title, series, scoreTitle);
    }

    /// <summary>
    /// The interactive chart as an HTML fragment for a notebook: the <see cref="Caption"/>, the drawing area, a table
    /// of the numbers, and a script that loads plotly.js (through require.js where the page has it, as classic Jupyter
    /// does) and draws the chart. The drawing area takes no room until plotly.js draws in it, so a viewer that runs no
    /// scripts, or is offline, shows the caption and the table without an empty box.
    /// </summary>
    public string ToInlineHtml()
    {
        var html = new StringBuilder();
        html.Append("<div class=\"training-curves\">");
        html.Append("<p class=\"training-curves-caption\">").Append(WebUtility.HtmlEncode(Caption)).Append("</p>");
        html.Append($"<div id=\"{Id}\"></div>");
        AppendTable(html);
        html.Append("<script type=\"text/javascript\">").Append(DrawingScript()).Append("</script>");
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>
    /// The chart as a complete web page: the static picture, then the interactive chart, which needs a browser with
    /// internet access (see <see cref="SaveAs"/>).
    /// </summary>
    public string ToHtml() =>
        $"""
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"/><title>{WebUtility.HtmlEncode(Title)}</title></head>
        <body>
        {Picture.ToImageTag()}
        {ToInlineHtml()}
        </body>
        </html>
        """;

    /// <summary>Writes <see cref="ToHtml"/> to <paramref name="htmlPath"/>, creating the folder if needed.</summary>
    public void SaveAs(string htmlPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(htmlPath));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        File.WriteAllText(htmlPath, ToHtml());
    }

    /// <summary>The numbers as a text table, one row per epoch and one column per line (what a terminal shows instead of the chart).</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Title).AppendLine();
        text.AppendLine(Course.Text("epoch") + "  " + string.Join("  ", Series.Select(s => s.Name)));
        foreach (int epoch in AllEpochs())
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"{epoch,5}"));
            foreach (var line in Series)
                text.Append("  ").Append(ValueAt(line, epoch).PadLeft(line.Name.Length));
            text.AppendLine();
        }
        return text.ToString().TrimEnd();
    }

    void AppendTable(StringBuilder html)
    {
        html.Append("<details><summary>").Append(WebUtility.HtmlEncode(Course.Text("the numbers")))
            .Append("</summary><table style=\"font-size:small\"><thead><tr><th>").Append(WebUtility.HtmlEncode(Course.Text("epoch"))).Append("</th>");
        foreach (var line in Series)
            html.Append("<th>").Append(WebUtility.HtmlEncode(line.Name)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (int epoch in AllEpochs())
        {
            html.Append(string.Create(CultureInfo.InvariantCulture, $"<tr><td>{epoch}</td>"));
            foreach (var line in Series)
                html.Append("<td>").Append(ValueAt(line, epoch)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table></details>");
    }

    IEnumerable<int> AllEpochs() => Series.SelectMany(s => s.Epochs).Distinct().Order();

    /// <summary>The line's value at <paramref name="epoch"/> to 4 places, or empty where the line has none (a shorter run).</summary>
    static string ValueAt(CurveSeries line, int epoch)
    {
        for (int i = 0; i < line.Epochs.Count; i++)
            if (line.Epochs[i] == epoch)
                return line.Values[i].ToString("F4", CultureInfo.InvariantCulture);
        return "";
    }

    /// <summary>
    /// XPlot writes the data and layout as JSON and the call that draws them; this wraps that call in a function of
    /// <c>Plotly</c> and gets plotly.js the way the page allows: already loaded, through require.js, or by a script tag.
    /// </summary>
    string DrawingScript()
    {
        string source = $"https://cdn.plot.ly/plotly-{PlotlyVersion}.min";
        return $$"""

            (function () {
              var draw = function (Plotly) {
                {{BuildChart().GetPlottingJS().Trim()}}
              };
              if (typeof window.Plotly !== 'undefined') { draw(window.Plotly); return; }
              if (typeof window.requirejs === 'function' && typeof window.requirejs.config === 'function') {
                window.requirejs.config({ paths: { 'plotly-{{PlotlyVersion}}': '{{source}}' } });
                window.requirejs(['plotly-{{PlotlyVersion}}'], draw);
                return;
              }
              var loader = document.getElementById('plotly-{{PlotlyVersion}}-loader');
              if (!loader) {
                loader = document.createElement('script');
                loader.id = 'plotly-{{PlotlyVersion}}-loader';
                loader.src = '{{source}}.js';
                document.head.appendChild(loader);
              }
              loader.addEventListener('load', function () { draw(window.Plotly); });
            })();

            """;
    }

    Plotly.PlotlyChart BuildChart()
    {
        var traces = Series.Select(s => (Plotly.Trace)new Plotly.Scatter
        {
            name = s.Name,
            x = s.Epochs.ToArray(),
            y = s.Values.Select(v => Math.Round(v, 4)).ToArray(),
            mode = "lines+markers",
            yaxis = s.Panel == LossPanel ? "y" : "y2",
            line = new Plotly.Line { color = s.Colour },
            marker = new Plotly.Marker { color = s.Colour },
        }).ToList();
        var layout = new Plotly.Layout.Layout
        {
            title = Title,
            xaxis = new Plotly.Xaxis { title = Course.Text("epoch"), anchor = "y2", dtick = 1 },
            yaxis = new Plotly.Yaxis { title = Course.Text("loss"), domain = new[] { 0.55, 1.0 }, rangemode = "tozero" },
            yaxis2 = new Plotly.Yaxis { title = ScoreTitle, domain = new[] { 0.0, 0.45 }, range = new[] { 0.0, 1.0 } },
            margin = new Plotly.Margin { l = 60, r = 20, t = 50, b = 50 },
        };
        var chart = Plotly.Chart.Plot(traces, layout);
        chart.WithId(Id);
        chart.WithSize(Width, Height);
        return chart;
    }

    static void RequireEpochs(IReadOnlyList<EpochResult>? history, string parameter, string? run = null)
    {
        if (history is null || history.Count == 0)
            throw new ArgumentException(
                (run is null ? "The history" : $"The history of '{run}'") + " has no epochs: train first, then chart what Fit returned.", parameter);
    }
}

/// <summary>One line of a <see cref="TrainingCurves"/> chart.</summary>
/// <param name="Name">Legend text, e.g. "validation Dice".</param>
/// <param name="Panel"><see cref="TrainingCurves.LossPanel"/> or <see cref="TrainingCurves.ScorePanel"/>.</param>
/// <param name="Epochs">The x values: 1-based epoch numbers.</param>
/// <param name="Values">The y values, one per epoch.</param>
/// <param name="Colour">The line's colour as "#rrggbb"; when not given, the chart takes the next one of <see cref="TrainingCurves.Palette"/>.</param>
public sealed record CurveSeries(string Name, string Panel, IReadOnlyList<int> Epochs, IReadOnlyList<double> Values, string? Colour = null);
