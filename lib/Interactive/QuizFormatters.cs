using System.Net;
using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Exercises;

namespace Segmentation.Interactive;

/// <summary>Shows quizzes and their results as text in notebooks (the default would be a table of properties).</summary>
internal sealed class QuizFormatters : ITypeFormatterSource
{
    /// <summary>Quizzes and results are text.</summary>
    public static readonly string[] PreferredMimeTypes = ["text/plain"];

    /// <summary>Plain text, and the same text as preformatted HTML for front ends that prefer HTML.</summary>
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new TextFormatter<QuizResult>("text/plain", r => r.ToString()),
        new TextFormatter<QuizResult>("text/html", r => Pre(r.ToString())),
        new TextFormatter<Quiz>("text/plain", q => q.ToString()),
        new TextFormatter<Quiz>("text/html", q => Pre(q.ToString())),
    ];

    static string Pre(string text) => $"<pre>{WebUtility.HtmlEncode(text)}</pre>";
}
