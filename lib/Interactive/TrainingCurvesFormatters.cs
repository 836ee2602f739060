using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Visualisation;

namespace Segmentation.Interactive;

/// <summary>
/// Shows a <see cref="TrainingCurves"/> in notebooks as two outputs: first its static picture (image/png only, so
/// that every viewer shows the picture, including a repository browser that would otherwise pick the HTML and strip
/// its script), then the interactive chart with its caption (text/html) or its table of numbers (text/plain, for
/// terminals).
/// </summary>
internal sealed class TrainingCurvesFormatters : ITypeFormatterSource
{
    /// <summary>What a notebook output of a chart holds: the interactive chart, and its numbers for terminals.</summary>
    public static readonly string[] PreferredMimeTypes = ["text/html", "text/plain"];

    /// <summary>One formatter per display type.</summary>
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new TextFormatter<TrainingCurves>("text/html", curves =>
        {
            ShowPictureFirst(curves);
            return curves.ToInlineHtml();
        }),
        new TextFormatter<TrainingCurves>("text/plain", curves => curves.ToString()),
    ];

    /// <summary>
    /// A notebook output holds one value in several MIME types, and each viewer picks one of them (HTML before PNG),
    /// so the picture must be an output of its own: while a cell runs, it is displayed just before the chart.
    /// Outside a cell (e.g. <c>ToDisplayString</c> in a test) nothing is displayed.
    /// </summary>
    static void ShowPictureFirst(TrainingCurves curves)
    {
        if (KernelInvocationContext.Current is { Command: SubmitCode } cell)
            cell.Display(curves.Picture, "image/png", "text/plain");
    }
}

/// <summary>Shows a <see cref="TrainingCurvesPicture"/> as its PNG (notebooks) and its caption (terminals).</summary>
internal sealed class TrainingCurvesPictureFormatters : ITypeFormatterSource
{
    /// <summary>What a notebook output of a chart's picture holds.</summary>
    public static readonly string[] PreferredMimeTypes = ["image/png", "text/plain"];

    /// <summary>One formatter per display type.</summary>
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new TextFormatter<TrainingCurvesPicture>("image/png", picture => picture.ToBase64()), // Jupyter wants the PNG as base64 text
        new TextFormatter<TrainingCurvesPicture>("text/plain", picture => picture.Caption),
    ];
}
