using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Visualisation;

namespace Segmentation.Interactive;

/// <summary>Shows a <see cref="Picture"/> in notebooks as a picture rather than as a table of its properties.</summary>
internal sealed class PictureFormatters : ITypeFormatterSource
{
    /// <summary>What a notebook output of a picture holds: HTML (which shows a row's captions too) and the PNG.</summary>
    public static readonly string[] PreferredMimeTypes = ["text/html", "image/png"];

    /// <summary>One formatter per display type.</summary>
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new TextFormatter<Picture>("text/html", picture => picture.ToHtml()), // shows Row captions too
        new TextFormatter<Picture>("image/png", picture => picture.ToBase64()), // Jupyter wants the PNG as base64 text
        new TextFormatter<Picture>("text/plain", picture => picture.ToString()),
    ];
}
