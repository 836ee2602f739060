using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// The Romanian edition: each course notebook has a twin one folder deeper, under <c>ro/</c> (notebooks/ro,
/// lab/ro, lab/ro/solutions), whose notebook metadata records which English cells it was translated from.
/// </summary>
public static class Translations
{
    /// <summary>The line that ends a twin's first code cell: the library speaks Romanian from then on.</summary>
    public const string UseLanguageLine = "Segmentation.Course.UseLanguage(\"ro\");";

    /// <summary>The English notebook a twin translates: the same path without its <c>ro/</c> folder.</summary>
    public static string EnglishOf(string twin) => Regex.Replace(twin, @"(^|/)ro/", "$1");

    /// <summary>The Romanian twin of an English notebook, both relative to the repository root.</summary>
    public static string TwinOf(string english)
    {
        int slash = english.IndexOf('/');
        return english[..(slash + 1)] + "ro/" + english[(slash + 1)..];
    }

    /// <summary>Every Romanian twin in the repository, relative to its root with '/' separators.</summary>
    public static IEnumerable<string> Twins() =>
        CourseRun.Folders.Select(folder => folder.Contains('/') ? TwinOf(folder) : folder + "/ro").Where(folder => Directory.Exists(Path.Combine(RepoPaths.Root, folder)))
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepoPaths.Root, folder), "*.ipynb").Order(StringComparer.Ordinal))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'));

    /// <summary>
    /// The stamp a twin records for each English cell: the first 12 hex digits of the SHA-256 of its source
    /// (the notebook's "source" lines joined, UTF-8). Any change to the English cell changes it.
    /// </summary>
    public static string Stamp(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..12];

    /// <summary>The cells of a twin and of its English notebook, checked to be as many.</summary>
    public static (IReadOnlyList<Cell> English, IReadOnlyList<Cell> Twin) CellsOf(string twin)
    {
        var en = Notebook.Read(EnglishOf(twin)).Cells;
        var ro = Notebook.Read(twin).Cells;
        Assert.True(en.Count == ro.Count, $"{twin} has {ro.Count} cells, {EnglishOf(twin)} has {en.Count}: a twin has the same cells in the same order.");
        return (en, ro);
    }

    /// <summary>A notebook's cells: type and source.</summary>
    public sealed record Cell(string Type, string Source);

    /// <summary>A notebook read from the repository: its cells and its "translation" metadata, if any.</summary>
    public sealed record Notebook(IReadOnlyList<Cell> Cells, string? Language, string? Source, IReadOnlyList<string>? SourceCells)
    {
        public static Notebook Read(string relative)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, relative)));
            var root = json.RootElement;
            var cells = root.GetProperty("cells").EnumerateArray()
                .Select(c => new Cell(c.GetProperty("cell_type").GetString()!, string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString()))))
                .ToList();
            if (!root.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("translation", out var translation))
                return new Notebook(cells, null, null, null);
            return new Notebook(cells,
                translation.TryGetProperty("language", out var l) ? l.GetString() : null,
                translation.TryGetProperty("source", out var s) ? s.GetString() : null,
                translation.TryGetProperty("source_cells", out var h) ? h.EnumerateArray().Select(x => x.GetString()!).ToList() : null);
        }
    }

    /// <summary>
    /// What must stay the same between an English code cell and its twin: the code itself. Comments and the text
    /// inside string literals are a learner's reading, so they are left out; the twin's one extra "../" on every
    /// relative path (it sits one folder deeper) is undone first; magic-command lines (<c>#!import</c>) are kept as text.
    /// </summary>
    public static IReadOnlyList<string> CodeShape(string source, bool isTwin)
    {
        if (isTwin)
            source = OneFolderUp(source);
        var shape = new List<string>();
        var code = new StringBuilder();
        foreach (var line in source.Split('\n'))
        {
            if (line.TrimStart().StartsWith("#!", StringComparison.Ordinal))
                shape.Add(line.Trim());
            else
                code.Append(line).Append('\n');
        }
        var options = new CSharpParseOptions(kind: SourceCodeKind.Script);
        foreach (var token in SyntaxFactory.ParseTokens(code.ToString(), options: options))
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken))
                break;
            // The lexer hands an interpolated string over whole. Its holes are code and must match; its text is prose,
            // and a translation may put the holes in another order, so the holes are compared as a sorted list.
            if (token.IsKind(SyntaxKind.InterpolatedStringToken))
            {
                var holes = SyntaxFactory.ParseExpression(token.Text, options: options).DescendantNodes().OfType<InterpolationSyntax>()
                    .Select(hole => string.Join(" ", hole.DescendantTokens().Select(Blank))).Order(StringComparer.Ordinal);
                shape.Add("$\"" + string.Join("…", holes) + "\"");
                continue;
            }
            shape.Add(Blank(token));
        }
        return shape;
    }

    /// <summary>A token as the comparison sees it: string literals (a learner's reading) all look alike.</summary>
    static string Blank(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8StringLiteralToken => "\"…\"",
        _ => token.Text,
    };

    /// <summary>
    /// <paramref name="source"/> as written one folder up: every run of "../" loses one step (a twin or a solution
    /// sits one folder deeper than the notebook it mirrors, so its relative paths have one step more).
    /// </summary>
    public static string OneFolderUp(string source) => Regex.Replace(source, @"(?:\.\./)+", m => m.Value[3..]);

    /// <summary>The numbers a text names (e.g. 0.857, 3, 200), in order.</summary>
    public static IReadOnlyList<string> Numbers(string text) =>
        Regex.Matches(text, @"(?<![\w.])\d+(?:\.\d+)?").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
}
