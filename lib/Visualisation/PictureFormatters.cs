using Microsoft.DotNet.Interactive.Formatting;

namespace Segmentation.Visualisation;

/// <summary>
/// Teaches .NET Interactive notebooks to show a <see cref="Picture"/> as a picture rather than as a table of
/// its properties. The <see cref="TypeFormatterSourceAttribute"/> on Picture points the notebook's
/// <see cref="Formatter"/> here the first time it formats a Picture, so nothing needs registering by hand,
/// and the formatters survive <see cref="Formatter.ResetToDefault"/> (registrations made with
/// <see cref="Formatter.Register{T}(Action{T, TextWriter}, string)"/> do not).
/// </summary>
internal sealed class PictureFormatters : ITypeFormatterSource
{
    /// <summary>One formatter per display type.</summary>
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new TextFormatter<Picture>("text/html", picture => picture.ToHtml()), // shows Row captions too
        new TextFormatter<Picture>("image/png", picture => picture.ToBase64()), // Jupyter wants the PNG as base64 text
        new TextFormatter<Picture>("text/plain", picture => picture.ToString()),
    ];
}
