using System.Text.Json;

namespace Lesson.Tests.Lab;

/// <summary>
/// The lab's two notebooks have the same cells, except the marked exercise cells (so they cannot drift apart).
/// Their runs are checked in <see cref="LabRunTests"/>.
/// </summary>
public class LabNotebookTests
{
    internal const string Learner = "lab/BodySegmentation.ipynb", Solution = "lab/solutions/BodySegmentation.ipynb";
    const string ExerciseMark = "// ✏️ EXERCISE";

    static List<(string Type, string Source)> Cells(string relative)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, relative)));
        return notebook.RootElement.GetProperty("cells").EnumerateArray()
            .Select(c => (c.GetProperty("cell_type").GetString()!, string.Concat(c.GetProperty("source").EnumerateArray().Select(s => s.GetString()))))
            .ToList();
    }

    [Fact]
    public void Learner_and_solution_notebooks_differ_only_in_exercise_cells()
    {
        var learner = Cells(Learner);
        // The solution lives one folder deeper: its relative paths have one more "../".
        var solution = Cells(Solution).Select(c => (Type: c.Type, Source: c.Source.Replace("../../", "../"))).ToList();
        Assert.Equal(learner.Count, solution.Count);
        int exercises = 0;
        for (int i = 0; i < learner.Count; i++)
        {
            Assert.Equal(learner[i].Type, solution[i].Type);
            bool isExercise = learner[i].Source.StartsWith(ExerciseMark, StringComparison.Ordinal);
            if (isExercise)
            {
                exercises++;
                Assert.StartsWith(ExerciseMark, solution[i].Source);
                Assert.Equal(learner[i].Source.Split('\n')[0], solution[i].Source.Split('\n')[0]);   // same exercise title
                Assert.NotEqual(learner[i].Source, solution[i].Source);
                // The next cell is the exercise's check, identical in both.
                Assert.Contains("LabChecks.", learner[i + 1].Source);
            }
            else
                Assert.True(learner[i].Source == solution[i].Source, $"cell {i + 1} differs between the notebooks but is not an exercise cell:\n{learner[i].Source}");
        }
        Assert.Equal(9, exercises);
    }
}
