using System.Collections.Frozen;
using System.Text.Json;

namespace Segmentation;

/// <summary>
/// The language of everything the library says to a learner: quizzes, check feedback, progress lines and chart
/// titles. English unless a notebook asks for another one in its first cell, e.g. <c>Course.UseLanguage("ro");</c>
/// in the Romanian edition (notebooks/ro, lab/ro).
/// </summary>
/// <remarks>
/// The library writes its sentences in English, and each one it shows goes through <see cref="Text"/>. A translation
/// is a catalogue, <c>lib/Languages/&lt;code&gt;.json</c>, embedded in the library: an object whose keys are the English
/// sentences (with their <c>{0}</c> blanks) and whose values are the same sentences translated, as gettext does it.
/// Keyed by the English text, a changed English sentence has no translation until the catalogue follows, and
/// <c>tests/Languages/CatalogueTests</c> fails until it does.
/// </remarks>
public static class Course
{
    /// <summary>The language the library speaks when nobody chose one.</summary>
    public const string DefaultLanguage = "en";

    /// <summary>The languages <see cref="UseLanguage"/> takes: English and those with a catalogue.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "ro"];

    static volatile Catalogue current = Catalogue.English;

    // A language for one flow of code only (a test), which wins over the process-wide one. Notebooks never use it: a
    // notebook's cells run on different async flows, so their language has to be the process's.
    static readonly AsyncLocal<Catalogue?> inThisFlow = new();

    static Catalogue Speaking => inThisFlow.Value ?? current;

    /// <summary>The language the library speaks now ("en" unless <see cref="UseLanguage"/> changed it).</summary>
    public static string Language => Speaking.Code;

    /// <summary>
    /// Makes the library speak <paramref name="language"/> ("en" or "ro") from now on, in this process (a notebook's
    /// kernel). Call it once, in a notebook's first cell.
    /// </summary>
    /// <exception cref="ArgumentException">A language the course does not have.</exception>
    public static void UseLanguage(string language) => current = Catalogue.Load(Known(language));

    /// <summary>
    /// Makes the library speak <paramref name="language"/> in this flow of code only (this thread and the tasks it
    /// starts) until the result is disposed, whatever the process speaks: so a test can check the Romanian sentences
    /// while tests running beside it still read English.
    /// </summary>
    internal static IDisposable SpeakingInThisFlow(string language)
    {
        var before = inThisFlow.Value;
        inThisFlow.Value = Catalogue.Load(Known(language));
        return new Restore(() => inThisFlow.Value = before);
    }

    static string Known(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        string code = language.Trim().ToLowerInvariant();
        if (!Languages.Contains(code))
            throw new ArgumentException(
                $"The course has no '{language}' edition; choose one of {string.Join(", ", Languages.Select(l => $"\"{l}\""))}.", nameof(language));
        return code;
    }

    sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    /// <summary>
    /// <paramref name="english"/> in the current language: its translation from the catalogue, or the English text
    /// itself when the language is English or the catalogue has no entry for it.
    /// </summary>
    public static string Text(string english) => Speaking.Translate(english);

    /// <summary>Formats the sentence <paramref name="english"/> in the current language, filling its blanks with invariant-culture values.</summary>
    public static string Say(string english, params object?[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Text(english), values);

    /// <summary>The entries of a language's catalogue (English sentence → translation), e.g. for the tests that check it.</summary>
    public static IReadOnlyDictionary<string, string> CatalogueOf(string language) => Catalogue.Load(Known(language)).Entries;

    sealed class Catalogue(string code, FrozenDictionary<string, string> entries)
    {
        public static readonly Catalogue English = new(DefaultLanguage, FrozenDictionary<string, string>.Empty);

        public string Code { get; } = code;
        public FrozenDictionary<string, string> Entries { get; } = entries;

        public string Translate(string english) => Entries.TryGetValue(english, out var translated) ? translated : english;

        static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Catalogue> Loaded = new();

        /// <summary>A language's catalogue, read from the library's resources once.</summary>
        public static Catalogue Load(string code) => code == DefaultLanguage ? English : Loaded.GetOrAdd(code, Read);

        static Catalogue Read(string code)
        {
            string name = $"Segmentation.Languages.{code}.json";
            using var stream = typeof(Course).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The library was built without its '{code}' catalogue ({name}): rebuild it with `dotnet build`.");
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidDataException($"The '{code}' catalogue ({name}) is empty.");
            return new Catalogue(code, entries.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }
}
