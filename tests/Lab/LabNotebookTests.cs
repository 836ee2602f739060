using Lesson.Tests.Notebooks;

namespace Lesson.Tests.Lab;

/// <summary>
/// Each lab notebook and its solution have the same cells, except the marked exercise cells (so they cannot drift
/// apart), and every exercise is followed by its check. Their runs are checked in <see cref="LabRunTests"/>.
/// </summary>
public class LabNotebookTests
{
    internal const string Learner = "lab/BodySegmentation.ipynb", Solution = "lab/solutions/BodySegmentation.ipynb";
    internal const string PoseLearner = "lab/PoseChallenge.ipynb", PoseSolution = "lab/solutions/PoseChallenge.ipynb";
    internal const string ExerciseMark = "// ✏️ EXERCISE";

    static IReadOnlyList<Translations.Cell> Cells(string relative) => Translations.Notebook.Read(relative).Cells;

    public static TheoryData<string, string, int, string> Pairs() => new()
    {
        { Learner, Solution, 9, "LabChecks." },
        { PoseLearner, PoseSolution, 6, "PoseChecks." },
        // The Romanian twins pair up the same way (their exercise titles may be translated, the marker is code).
        { "lab/ro/BodySegmentation.ipynb", "lab/ro/solutions/BodySegmentation.ipynb", 9, "LabChecks." },
        { "lab/ro/PoseChallenge.ipynb", "lab/ro/solutions/PoseChallenge.ipynb", 6, "PoseChecks." },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Learner_and_solution_notebooks_differ_only_in_exercise_cells(string learnerPath, string solutionPath, int expectedExercises, string checks)
    {
        var learner = Cells(learnerPath);
        // The solution lives one folder deeper: its relative paths have one more "../".
        var solution = Cells(solutionPath).Select(c => (Type: c.Type, Source: Translations.OneFolderUp(c.Source))).ToList();
        Assert.Equal(learner.Count, solution.Count);
        int exercises = 0;
        for (int i = 0; i < learner.Count; i++)
        {
            Assert.Equal(learner[i].Type, solution[i].Type);
            bool isExercise = learner[i].Source.StartsWith(ExerciseMark, StringComparison.Ordinal);
            if (isExercise)
            {
                exercises++;
                Assert.StartsWith($"{ExerciseMark} {exercises}:", learner[i].Source);   // numbered in order
                Assert.Equal(learner[i].Source.Split('\n')[0], solution[i].Source.Split('\n')[0]);   // same exercise title
                Assert.NotEqual(learner[i].Source, solution[i].Source);
                // The learner's version is a place to write, not an answer.
                Assert.True(learner[i].Source.Contains("throw new NotImplementedException()", StringComparison.Ordinal) || learner[i].Source.Contains("= null;", StringComparison.Ordinal),
                    $"exercise {exercises} of {learnerPath} ships with code in it:\n{learner[i].Source}");
                // The next cell is the exercise's check, identical in both.
                Assert.Contains($"var exercise{exercises} = {checks}", learner[i + 1].Source);
            }
            else
                Assert.True(learner[i].Source == solution[i].Source, $"cell {i + 1} of {learnerPath} differs from its solution but is not an exercise cell:\n{learner[i].Source}");
        }
        Assert.Equal(expectedExercises, exercises);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_exercise_after_its_check_feeds_the_pipeline_through_its_piece(string learnerPath, string solutionPath, int expectedExercises, string checks)
    {
        _ = solutionPath;
        _ = checks;
        string code = string.Join("\n", Cells(learnerPath).Where(c => c.Type == "code").Select(c => c.Source));
        // Each check's result is handed on: the pipeline uses the learner's piece once that check passes.
        for (int n = 1; n <= expectedExercises; n++)
            Assert.Matches($@"Pieces\.\w+\(exercise{n},", code);
    }
}
