using System.Text.RegularExpressions;
using Segmentation;

namespace Lesson.Tests.Notebooks;

/// <summary>Checks that what a Romanian notebook shows came from the library in Romanian.</summary>
public static class RomanianOutputs
{
    /// <summary>
    /// The English pieces of the library's translated sentences long enough to be unmistakable (the text between
    /// the blanks of each catalogue key, 24 characters or more, where the translation does not keep it).
    /// </summary>
    static readonly Lazy<IReadOnlyList<string>> EnglishPieces = new(() =>
        Course.CatalogueOf("ro")
            .SelectMany(entry => Regex.Split(entry.Key, @"\{\d+(?::[^}]*)?\}")
                .Select(piece => piece.Trim())
                .Where(piece => piece.Length >= 24 && piece.Contains(' ') && !entry.Value.Contains(piece, StringComparison.Ordinal)))
            .Distinct()
            .ToList());

    /// <summary>Fails naming the first English sentence of the library found in <paramref name="text"/>.</summary>
    public static void AssertNoEnglishFromTheLibrary(string notebook, string text)
    {
        Assert.True(EnglishPieces.Value.Count > 0, "the Romanian catalogue (lib/Languages/ro.json) is empty");
        var english = EnglishPieces.Value.FirstOrDefault(piece => text.Contains(piece, StringComparison.Ordinal));
        Assert.True(english is null, $"{notebook} shows the library's English \"{english}\": its first cell must call Course.UseLanguage(\"ro\"), and lib/Languages/ro.json must translate that sentence.");
        var progress = Regex.Match(text, @"(?m)^epoch \d+/\d+ \[");
        Assert.False(progress.Success, $"{notebook} shows an English progress line: {progress.Value}");
    }
}
