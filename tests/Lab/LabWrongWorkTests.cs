using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lesson.Tests.Lab;

/// <summary>
/// The learner notebooks run by the real kernel (`lesson run`) with wrong work in the exercise cells: each check must
/// answer its exercise's mistake in the words a learner needs. To stay quick the variants keep only the set-up cells,
/// the exercises and their checks (nothing trains). They are written next to the lab, so the notebooks' relative
/// paths (the library, the data) work as in the solutions folder.
/// </summary>
public class LabWrongWorkTests
{
    static readonly (string Notebook, WrongWork.Answer[] Answers, int SetupCells)[] Notebooks =
    [
        (LabNotebookTests.Learner, WrongWork.BodySegmentation, 2),   // the library and the frames
        (LabNotebookTests.PoseLearner, WrongWork.PoseChallenge, 1),  // the library
    ];

    [Fact]
    public void Every_check_names_the_wrong_work_put_in_its_exercise_when_the_learner_notebook_runs()
    {
        string folder = Path.Combine(RepoPaths.Root, "lab", $".wrong-work-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var variants = new List<(string Path, List<(int CheckCell, WrongWork.Answer Answer)> Expected)>();
            foreach (var (notebook, answers, setupCells) in Notebooks)
                for (int set = 0; set < 2; set++)
                {
                    var chosen = answers.GroupBy(a => a.Exercise).Select(g => g.ElementAt(set)).ToDictionary(a => a.Exercise);
                    string path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(notebook)}-{set + 1}.ipynb");
                    variants.Add((path, Write(notebook, chosen, setupCells, path)));
                }

            var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(20), ["run", .. variants.Select(v => v.Path), "--out", Path.Combine(folder, "out")]);

            Assert.True(result.ExitCode == 0, result.Output + result.Error);
            var missed = new List<string>();
            foreach (var (path, expected) in variants)
            {
                string executed = Path.Combine(folder, "out", "lab", Path.GetFileName(folder), Path.GetFileName(path));
                var outputs = CellOutputs(executed);
                foreach (var (cell, answer) in expected)
                    if (!outputs[cell].Contains("not there yet", StringComparison.Ordinal) || !outputs[cell].Contains(answer.Expected, StringComparison.Ordinal))
                        missed.Add($"{Path.GetFileName(path)}, exercise {answer.Exercise} ({answer.What}): expected \"{answer.Expected}\", the check said:\n{outputs[cell]}");
            }
            Assert.True(missed.Count == 0, string.Join("\n\n", missed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Writes the learner notebook's set-up cells, then each exercise with the wrong answer in place and its check cell,
    /// one folder deeper (so "../" becomes "../../"); returns the index of each check cell in the variant.
    /// </summary>
    static List<(int CheckCell, WrongWork.Answer Answer)> Write(string notebook, Dictionary<int, WrongWork.Answer> answers, int setupCells, string path)
    {
        var source = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, notebook)))!.AsObject();
        var cells = source["cells"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var code = cells.Where(c => (string)c["cell_type"]! == "code").ToList();
        var kept = new JsonArray();
        var expected = new List<(int, WrongWork.Answer)>();
        foreach (var cell in code.Take(setupCells))
            kept.Add(Deeper(cell, null));
        for (int i = 0; i < code.Count; i++)
        {
            string text = Source(code[i]);
            if (!text.StartsWith(LabNotebookTests.ExerciseMark, StringComparison.Ordinal))
                continue;
            int exercise = int.Parse(text[(LabNotebookTests.ExerciseMark.Length + 1)..text.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            var answer = answers[exercise];
            kept.Add(Deeper(code[i], text.Split('\n')[0] + "\n" + answer.Code));
            expected.Add((kept.Count, answer));
            kept.Add(Deeper(code[i + 1], null));
        }
        source["cells"] = kept;
        File.WriteAllText(path, source.ToJsonString());
        return expected;
    }

    static JsonObject Deeper(JsonObject cell, string? newSource)
    {
        var copy = cell.DeepClone().AsObject();
        copy["source"] = new JsonArray(JsonValue.Create((newSource ?? Source(cell)).Replace("../", "../../", StringComparison.Ordinal)));
        copy["outputs"] = new JsonArray();
        return copy;
    }

    static string Source(JsonObject cell) => string.Concat(cell["source"]!.AsArray().Select(s => (string)s!));

    static List<string> CellOutputs(string executed)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(executed));
        return notebook.RootElement.GetProperty("cells").EnumerateArray().Select(cell =>
            !cell.TryGetProperty("outputs", out var outputs) ? "" : string.Concat(outputs.EnumerateArray().Select(o =>
                o.TryGetProperty("text", out var t) ? Joined(t) : o.TryGetProperty("data", out var d) && d.TryGetProperty("text/plain", out var p) ? Joined(p) : ""))).ToList();
    }

    static string Joined(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(s => s.GetString())) : value.GetString() ?? "";
}
