using static Lesson.Tests.Notebooks.Translations;

namespace Lesson.Tests.Notebooks;

/// <summary>
/// Keeps the Romanian edition in step with the English course: every course notebook has a Romanian twin with the
/// same cells in the same order and the same code (only comments and the strings a learner reads are translated),
/// and each twin records the English cells it was translated from, so a changed English cell fails here until its
/// Romanian twin follows.
/// </summary>
public class TranslationTests
{
    public static TheoryData<string> EnglishNotebooks() => new(CourseRun.Notebooks());

    public static TheoryData<string> RomanianTwins() => new(Twins());

    [Theory]
    [MemberData(nameof(EnglishNotebooks))]
    public void Every_course_notebook_has_a_Romanian_twin(string english)
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, TwinOf(english))),
            $"{english} has no Romanian twin: translate it into {TwinOf(english)} (the rules are in README.ro.md, \"Ediția în limba română\").");
    }

    [Theory]
    [MemberData(nameof(RomanianTwins))]
    public void Twin_has_the_English_cells_in_the_same_order(string twin)
    {
        string english = EnglishOf(twin);
        var (en, ro) = CellsOf(twin);
        for (int i = 0; i < en.Count; i++)
            Assert.True(en[i].Type == ro[i].Type, $"cell {i + 1} of {twin} is {ro[i].Type}, in {english} it is {en[i].Type}.");
    }

    [Theory]
    [MemberData(nameof(RomanianTwins))]
    public void Twin_was_translated_from_the_English_cells_as_they_are_now(string twin)
    {
        string english = EnglishOf(twin);
        var en = Notebook.Read(english);
        var ro = Notebook.Read(twin);

        Assert.True(ro.Language == "ro", $"{twin} lacks \"translation\": {{ \"language\": \"ro\", ... }} in its notebook metadata.");
        Assert.Equal(Path.GetRelativePath(Path.GetDirectoryName(twin)!, english).Replace('\\', '/'), ro.Source);
        var stamps = ro.SourceCells ?? [];
        var stale = Enumerable.Range(0, en.Cells.Count)
            .Where(i => i >= stamps.Count || stamps[i] != Stamp(en.Cells[i].Source))
            .ToList();
        Assert.True(stale.Count == 0,
            $"{twin} is behind {english}: the English cell(s) {string.Join(", ", stale.Select(i => i + 1))} changed since the twin was translated. "
            + "Bring each Romanian cell in step with its English cell, then record the English cell's new stamp in the twin's "
            + "metadata.translation.source_cells:\n"
            + string.Join("\n", stale.Take(5).Select(i => $"- cell {i + 1}: stamp {Stamp(en.Cells[i].Source)}; English text now:\n{Excerpt(en.Cells[i].Source)}"))
            + $"\nThe stamps of all {en.Cells.Count} English cells, in order: [{string.Join(", ", en.Cells.Select(c => $"\"{Stamp(c.Source)}\""))}]");
        Assert.Equal(en.Cells.Count, stamps.Count);
    }

    [Theory]
    [MemberData(nameof(RomanianTwins))]
    public void Twin_runs_the_same_code_with_the_library_speaking_Romanian(string twin)
    {
        string english = EnglishOf(twin);
        var (en, ro) = CellsOf(twin);

        int firstCode = en.ToList().FindIndex(c => c.Type == "code");
        for (int i = 0; i < en.Count; i++)
        {
            if (en[i].Type != "code")
                continue;
            string roSource = ro[i].Source;
            if (i == firstCode)
            {
                Assert.True(roSource.TrimEnd().Split('\n')[^1].StartsWith(UseLanguageLine, StringComparison.Ordinal),
                    $"the first code cell of {twin} must end with `{UseLanguageLine}` (the library's quizzes, checks, progress lines and charts in Romanian).");
                roSource = string.Join('\n', roSource.TrimEnd().Split('\n')[..^1]);
            }
            var expected = CodeShape(en[i].Source, isTwin: false);
            var actual = CodeShape(roSource, isTwin: true);
            int differs = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(k => expected[k] != actual[k], -1);
            Assert.True(expected.Count == actual.Count && differs < 0,
                $"code cell {i + 1} of {twin} is not the code of cell {i + 1} of {english} (only comments and strings may differ, "
                + $"and relative paths have one more \"../\"): "
                + (differs >= 0 ? $"at token {differs + 1} the twin has `{actual[differs]}` where English has `{expected[differs]}`" : $"{actual.Count} tokens against {expected.Count}")
                + $".\nEnglish cell:\n{Excerpt(en[i].Source)}");
        }
        Assert.DoesNotContain(UseLanguageLine, string.Concat(en.Select(c => c.Source)));
    }

    [Theory]
    [MemberData(nameof(RomanianTwins))]
    public void Twin_prose_is_Romanian_with_the_English_numbers(string twin)
    {
        var (en, ro) = CellsOf(twin);

        for (int i = 0; i < en.Count; i++)
        {
            if (en[i].Type != "markdown")
                continue;
            // The numbers a sentence states are checked on the English notebook (content tests), so the twin states the same ones.
            Assert.True(Numbers(en[i].Source).SequenceEqual(Numbers(ro[i].Source)),
                $"markdown cell {i + 1} of {twin} names the numbers [{string.Join(", ", Numbers(ro[i].Source))}], "
                + $"its English cell [{string.Join(", ", Numbers(en[i].Source))}]: keep the English numbers (with a decimal point).");
            if (en[i].Source.Count(char.IsLetter) >= 60)
                Assert.True(en[i].Source != ro[i].Source, $"markdown cell {i + 1} of {twin} is still the English text.");
        }
        // Romanian is written with comma-below ș and ț; the cedilla forms are a different letter (Turkish).
        string all = string.Concat(ro.Select(c => c.Source));
        Assert.True(!all.AsSpan().ContainsAny("şţŞŢ"), $"{twin} uses a cedilla ş/ţ; write the comma-below ș/ț.");
        Assert.Matches("[ăâîșț]", all);
    }

    static string Excerpt(string text) => text.Length <= 600 ? text : text[..600] + " …";
}
