using Microsoft.DotNet.Interactive.Formatting;

namespace Segmentation.Interactive;

/// <summary>Formats values of type <typeparamref name="T"/> for one MIME type in notebooks, with a function that returns the text.</summary>
internal sealed class TextFormatter<T>(string mimeType, Func<T, string> format) : ITypeFormatter
{
    public string MimeType => mimeType;

    public Type Type => typeof(T);

    public bool Format(object instance, FormatContext context)
    {
        if (instance is not T value)
            return false;
        context.Writer.Write(format(value));
        return true;
    }
}
