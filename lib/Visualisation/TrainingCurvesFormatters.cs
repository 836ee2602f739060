using Microsoft.DotNet.Interactive.Formatting;

namespace Segmentation.Visualisation;

/// <summary>
/// Shows a <see cref="TrainingCurves"/> in notebooks as its chart (text/html) and as its table of numbers
/// (text/plain, for terminals). Found through the <see cref="TypeFormatterSourceAttribute"/> on the class,
/// as <see cref="PictureFormatters"/> is for pictures.
/// </summary>
internal sealed class TrainingCurvesFormatters : ITypeFormatterSource
{
    /// <summary>One formatter per display type.</summary>
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new TextFormatter<TrainingCurves>("text/html", curves => curves.ToInlineHtml()),
        new TextFormatter<TrainingCurves>("text/plain", curves => curves.ToString()),
    ];
}
