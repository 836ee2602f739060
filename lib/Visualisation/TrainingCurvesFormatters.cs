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
        new CurvesFormatter("text/html", curves => curves.ToInlineHtml()),
        new CurvesFormatter("text/plain", curves => curves.ToString()),
    ];

    sealed class CurvesFormatter(string mimeType, Func<TrainingCurves, string> format) : ITypeFormatter
    {
        public string MimeType => mimeType;

        public Type Type => typeof(TrainingCurves);

        public bool Format(object instance, FormatContext context)
        {
            if (instance is not TrainingCurves curves)
                return false;
            context.Writer.Write(format(curves));
            return true;
        }
    }
}
