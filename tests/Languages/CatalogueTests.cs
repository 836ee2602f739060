using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Segmentation;
using Segmentation.Exercises;
using Segmentation.Training;
using Segmentation.Visualisation;

namespace Lesson.Tests.Languages;

/// <summary>
/// The Romanian catalogue (lib/Languages/ro.json) against the sentences the library routes through
/// <see cref="Course"/>: every one translated, none left over, the same blanks, comma-below diacritics; and the
/// library really speaking Romanian when asked, and English otherwise. The tests use a language for their own flow
/// only (<see cref="Course.SpeakingInThisFlow"/>), so the English tests running beside them are not disturbed.
/// </summary>
public class CatalogueTests
{
    static readonly IReadOnlyDictionary<string, string> Romanian = Course.CatalogueOf("ro");

    static readonly Lazy<IReadOnlySet<string>> Routed = new(RoutedSentences);

    /// <summary>
    /// Every English sentence the library says through <see cref="Course"/>: the check and pose message tables and
    /// the pose words (read by reflection), the quizzes' titles, questions, options and explanations, and every
    /// string written straight into a <c>Course.Text(...)</c> or <c>Course.Say(...)</c> call in lib/ (found with Roslyn).
    /// Only sentences with words in them: "{0}: {1}" has nothing to translate.
    /// </summary>
    static IReadOnlySet<string> RoutedSentences()
    {
        using var english = Course.SpeakingInThisFlow("en");
        var sentences = new HashSet<string>(StringComparer.Ordinal);
        var library = typeof(Course).Assembly;
        foreach (string table in new[] { "Segmentation.Exercises.CheckMessages", "Segmentation.Exercises.LabMessages", "Segmentation.Exercises.PoseMessages", "Segmentation.Pose.PoseText" })
            foreach (var type in WithNested(library.GetType(table, throwOnError: true)!))
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(p => p.PropertyType == typeof(string)))
                    sentences.Add((string)property.GetValue(null)!);
                foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.FieldType == typeof(string[])))
                    sentences.UnionWith((string[])field.GetValue(null)!);
            }
        foreach (var quiz in Quizzes())
        {
            sentences.Add(quiz.Title);
            foreach (var question in quiz.Questions)
            {
                sentences.Add(question.Prompt);
                foreach (var option in question.Options)
                    sentences.UnionWith([option.Text, option.Why]);
            }
        }
        sentences.UnionWith(WrittenIntoCourseCalls());
        sentences.RemoveWhere(s => !HasWords(s));
        return sentences;
    }

    static IEnumerable<Type> WithNested(Type type) => new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested));

    static IEnumerable<Quiz> Quizzes() =>
        typeof(Quiz).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(Quiz)).Select(p => (Quiz)p.GetValue(null)!);

    /// <summary>The string literals in the first argument of every <c>Course.Text</c> / <c>Course.Say</c> call in lib/ (both branches of a <c>?:</c> too).</summary>
    static IEnumerable<string> WrittenIntoCourseCalls()
    {
        string lib = Path.Combine(RepoPaths.Root, "lib");
        var files = Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(lib, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));
        foreach (string file in files)
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is not MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Course" }, Name.Identifier.Text: "Text" or "Say" }
                    || call.ArgumentList.Arguments.Count == 0)
                    continue;
                foreach (var literal in call.ArgumentList.Arguments[0].DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
                    yield return literal.Token.ValueText;
            }
        }
    }

    static bool HasWords(string sentence) => Regex.IsMatch(Regex.Replace(sentence, @"\{\d+[^{}]*\}", ""), @"\p{L}{2}");

    /// <summary>The blanks of a composite format string, e.g. {0}, {1:F3}, {0,-8}, sorted; escaped braces {{ }} are not blanks.</summary>
    static List<string> Blanks(string format) =>
        Regex.Matches(format.Replace("{{", "").Replace("}}", ""), @"\{\d+[^{}]*\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void The_routed_sentences_are_found_in_every_place_the_library_speaks()
    {
        // A guard on the enumeration itself: a table, a quiz, the progress line, a chart caption and a pose word.
        Assert.Contains("your loader returned null instead of the images and masks.", Routed.Value);
        Assert.Contains("How many families of segmentation algorithms are there?", Routed.Value);
        Assert.Contains("epoch {0}/{1} [{2}] {3}/{4} loss {5:F3}{6} ETA {7}", Routed.Value);
        Assert.Contains("Top: {0}. Bottom: {1}.", Routed.Value);
        Assert.Contains("left elbow", Routed.Value);
        Assert.True(Routed.Value.Count > 200, $"found only {Routed.Value.Count} sentences");
    }

    [Fact]
    public void Every_sentence_the_library_says_has_a_romanian_entry()
    {
        var missing = Routed.Value.Where(s => !Romanian.ContainsKey(s)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Add these English sentences to lib/Languages/ro.json with their Romanian:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_entry_of_the_romanian_catalogue_is_stale()
    {
        var stale = Romanian.Keys.Where(k => !Routed.Value.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0,
            "lib/Languages/ro.json translates sentences the library no longer says (changed or removed in English): update or remove them:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_translation_keeps_the_blanks_of_its_english_sentence_and_is_not_empty()
    {
        var wrong = Romanian.Where(e => string.IsNullOrWhiteSpace(e.Value) || !Blanks(e.Key).SequenceEqual(Blanks(e.Value)))
            .Select(e => $"{e.Key}  =>  {e.Value}").ToList();
        Assert.True(wrong.Count == 0, "These translations lose or change a {0} blank:\n" + string.Join("\n", wrong));
        // A translation of a format string formats too: a stray brace would throw in front of a learner. (Some
        // sentences are plain text, never formatted, e.g. "... new PoseTrainingPlan { Scenes = ... }.")
        var values = Enumerable.Repeat((object)"x", 10).ToArray();
        var broken = Romanian.Where(e => Formats(e.Key, values) && !Formats(e.Value, values)).Select(e => e.Value).ToList();
        Assert.True(broken.Count == 0, "These translations are not valid format strings (braces?):\n" + string.Join("\n", broken));
    }

    static bool Formats(string format, object[] values)
    {
        try
        {
            _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, values);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [Fact]
    public void The_catalogue_uses_comma_below_s_and_t_never_the_cedilla_forms()
    {
        var cedilla = Romanian.Values.Where(v => v.IndexOfAny(['\u015f', '\u0163', '\u015e', '\u0162']) >= 0).ToList();
        Assert.True(cedilla.Count == 0, "Write ș ț (comma below, U+0219 U+021B), not ş ţ:\n" + string.Join("\n", cedilla));
        Assert.Contains(Romanian.Values, v => v.Contains('ș') || v.Contains('ț'));
    }

    [Fact]
    public void A_lab_check_says_its_problems_in_romanian_and_in_english_by_default()
    {
        string romanian, notDoneState;
        using (Course.SpeakingInThisFlow("ro"))
        {
            var wrong = LabChecks.CountPeople(mask => 0);
            romanian = wrong.ToString();
            notDoneState = LabChecks.CountPeople(mask => throw new NotImplementedException()).State.ToString();
        }
        var english = LabChecks.CountPeople(mask => 0).ToString();

        Assert.StartsWith("✗ Numărarea persoanelor: încă nu e gata (", romanian);
        Assert.Contains("pentru o persoană, numărătorul tău întoarce 0; se aștepta 1.", romanian);
        Assert.Equal(nameof(ExerciseState.NotDone), notDoneState); // the translated "not implemented" still counts as not done
        Assert.StartsWith("✗ Counting people: not there yet (", english);
        Assert.Contains("for one person your counter returns 0; expected 1.", english);
    }

    [Fact]
    public void A_pose_check_speaks_romanian_with_romanian_body_parts()
    {
        using var romanian = Course.SpeakingInThisFlow("ro");
        var result = PoseChecks.ElbowsAndKnees(() => Segmentation.Pose.Skeleton.Basic);

        Assert.StartsWith("✗ Coate și genunchi: încă nu e gata", result.ToString());
        Assert.Contains("scheletului tău îi lipsesc: cotul stâng, cotul drept, genunchiul stâng, genunchiul drept", result.ToString());
        Assert.Contains("ai ales 2 lățimi diferite", PoseChecks.SigmasToTry([1f, 1.2f]).ToString());
    }

    [Fact]
    public void A_quiz_checks_in_romanian_and_in_english_by_default()
    {
        string romanian;
        using (Course.SpeakingInThisFlow("ro"))
            romanian = Quiz.BeforeTheLesson.Check("ba").ToString();
        string english = Quiz.BeforeTheLesson.Check("ba").ToString();

        Assert.StartsWith("Chestionar înainte de lecție", romanian);
        Assert.Contains("Ai dat 2 răspunsuri pentru 3 întrebări", romanian);
        Assert.Contains("1. Câte familii de algoritmi de segmentare există?", romanian);
        Assert.Contains("corect: (b) 2. Segmentarea semantică", romanian);
        Assert.Contains("fără răspuns încă: înlocuiește '?' cu a, b sau c.", romanian);
        Assert.EndsWith("Scor: 2 din 3. Scrie literele tale în celula de răspuns și rulează din nou această celulă.", romanian);

        Assert.StartsWith("Quiz before the lesson", english);
        Assert.Contains("right: (b) 2. Semantic segmentation", english);
        Assert.Contains("not answered yet: replace '?' with a, b or c.", english);
        Assert.EndsWith("Score: 2 of 3. Put your letters in the answer cell and run this cell again.", english);
    }

    [Fact]
    public void The_progress_line_keeps_its_shape_and_invariant_numbers_in_romanian()
    {
        var progress = new TrainingProgress(3, 10, 6, 12, 0.1234, 0.8, TimeSpan.FromSeconds(12));
        string romanian;
        using (Course.SpeakingInThisFlow("ro"))
            romanian = progress.ToString();

        Assert.Equal("epoca 3/10 [##########----------] 6/12 pierdere 0.123 Dice 0.800 ETA 0:12", romanian);
        Assert.Equal("epoch 3/10 [##########----------] 6/12 loss 0.123 Dice 0.800 ETA 0:12", progress.ToString());
    }

    [Fact]
    public void A_chart_has_its_title_lines_and_caption_in_romanian_and_in_english_by_default()
    {
        EpochResult[] history = [new(1, 0.6, 0.7, 0.5, 0.4, 1, 3), new(2, 0.4, 0.5, 0.7, 0.6, 1, 3)];
        string caption, title, table;
        using (Course.SpeakingInThisFlow("ro"))
        {
            var chart = TrainingCurves.Of(history);
            (caption, title, table) = (chart.Caption, chart.Title, chart.ToString());
        }
        var english = TrainingCurves.Of(history);

        Assert.Equal("Curbe de antrenare", title);
        Assert.Equal("Curbe de antrenare, pe epoci (1 până la 2). Sus: pierdere (pierdere la antrenare, pierdere la validare). "
                     + "Jos: Dice / IoU, de la 0 la 1 (Dice la validare, IoU la validare).", caption);
        Assert.Contains("epocă  pierdere la antrenare", table);
        Assert.Equal("Training curves, by epoch (1 to 2). Top: loss (training loss, validation loss). "
                     + "Bottom: Dice / IoU, 0 to 1 (validation Dice, validation IoU).", english.Caption);
        using (Course.SpeakingInThisFlow("ro"))
            Assert.StartsWith("verde: găsit;", ErrorMaps.Legend);
        Assert.StartsWith("green: found;", ErrorMaps.Legend);
    }

    [Fact]
    public async Task A_flow_language_reaches_the_tasks_it_starts_and_ends_when_disposed()
    {
        using (Course.SpeakingInThisFlow("ro"))
        {
            Assert.Equal("ro", Course.Language);
            Assert.Equal("pierdere", await Task.Run(() => Course.Text("loss")));
        }
        Assert.Equal("en", Course.Language);
        Assert.Equal("loss", Course.Text("loss"));
        Assert.Equal("no such sentence", Course.Text("no such sentence"));
    }

    [Fact]
    public void An_unknown_language_is_refused_naming_the_languages_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => Course.UseLanguage("xx"));
        Assert.Contains("'xx'", error.Message);
        Assert.Contains("\"en\", \"ro\"", error.Message);
        Assert.Equal("en", Course.Language);
    }
}
