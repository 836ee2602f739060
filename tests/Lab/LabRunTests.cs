using System.Globalization;
using System.Text.RegularExpressions;
using Lesson.Tests.Notebooks;

namespace Lesson.Tests.Lab;

/// <summary>
/// The lab in the main job's run (<see cref="CourseRun"/>): each solution passes every check, trains the learner's own
/// pieces and reaches its targets; each learner notebook, run as shipped, completes with every check saying what is
/// missing and the library's pieces standing in, saying so.
/// </summary>
[Collection(CourseRunCollection.Name)]
public class LabRunTests(CourseRun run)
{
    static double Number(Match match, int group = 1) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Lab_solution_trains_its_own_pieces_chooses_on_validation_and_scores_the_test_recordings_between_078_and_090()
    {
        string text = run.Executed(LabNotebookTests.Solution).Text;

        Assert.Equal(9, Regex.Matches(text, "✓ ").Count);
        Assert.DoesNotContain("✗", text);
        Assert.Equal(9, Regex.Matches(text, @"→ using your ").Count);
        Assert.DoesNotContain("using the library's", text);
        Assert.Contains("decoder: DecoderBlock, DecoderBlock, DecoderBlock, DecoderBlock", text);   // the learner's class built the U-Net
        var best = Regex.Match(text, @"best epoch on the validation recordings: (\d+) \(IoU (\d\.\d+)\)");
        Assert.True(best.Success, text);
        Assert.Matches(@"validation IoU by threshold: .*; chosen: \d\.\d", text);
        var iou = Regex.Match(text, @"Held-out IoU: (\d\.\d+) \(Dice (\d\.\d+)\) on the test recordings, (\d+) frames from (\d+) recordings, with epoch (\d+)");
        Assert.True(iou.Success, "the solution printed no held-out IoU:\n" + text);
        Assert.InRange(Number(iou), 0.78, 0.90);
        Assert.Equal(best.Groups[1].Value, iou.Groups[5].Value);
        var split = Regex.Match(text, @"training: (\d+) frames from (\d+) recordings; validation: (\d+) frames from (\d+) recordings; test: (\d+) frames from (\d+) recordings");
        Assert.True(split.Success, text);
        Assert.Equal(split.Groups[5].Value, iou.Groups[3].Value);
        Assert.Matches(@"\d+ of \d+ test frames counted as in their true mask", text);
    }

    [Fact]
    public void Lab_learner_notebook_runs_as_shipped_with_every_check_saying_what_is_missing_and_the_library_standing_in()
    {
        string text = run.Executed(LabNotebookTests.Learner).Text;

        foreach (string check in new[] { "Loading MADS", "Split by recording", "Augmentation", "IoU and Dice", "Held-out IoU", "Decoder block",
                     "Loss and training options", "Worst predictions", "Counting people" })
            Assert.Contains($"✗ {check}: not there yet", text);
        Assert.Contains("no options chosen yet", text);
        // Loading, split, augmentation, IoU, Dice, held-out IoU, decoder block, worst predictions, counting people.
        Assert.Equal(9, Regex.Matches(text, "not implemented yet").Count);
        Assert.DoesNotContain("✓ ", text);
        for (int exercise = 1; exercise <= 9; exercise++)
            Assert.Matches($@"→ using the library's [^\n]+ because your exercise {exercise} is not done yet\.", text);
        Assert.Contains("decoder: UNetDecoderBlock", text);
        Assert.Matches(@"Held-out IoU: \d\.\d+", text);
    }

    [Fact]
    public void Pose_solution_passes_every_check_and_beats_the_baseline_on_two_people_and_on_hard_people()
    {
        string text = run.Executed(LabNotebookTests.PoseSolution).Text;

        Assert.Equal(7, Regex.Matches(text, "✓ ").Count);      // six exercises and the hard people's score
        Assert.DoesNotContain("✗", text);
        Assert.Equal(6, Regex.Matches(text, @"→ using your ").Count);
        // The widths tried move validation PCK.
        var runs = Regex.Matches(text, @"sigma ([\d.]+), BCE, 7 joints: 8 epochs, validation PCK@2 px (\d\.\d+)");
        var sweep = runs.Select(m => Number(m, 2)).ToList();
        Assert.True(sweep.Count >= 3, text);
        Assert.True(sweep.Max() - sweep.Min() >= 0.1, $"PCK hardly moved with the width: {string.Join(", ", sweep)}");
        // The text says both the narrowest and the widest bump lose: the width chosen on validation lies between them.
        var widths = runs.Select(m => Number(m)).ToList();
        double chosen = Number(Regex.Match(text, @"chosen on validation: sigma ([\d.]+)"));
        Assert.True(chosen > widths.Min() && chosen < widths.Max(), $"chose sigma {chosen} of {string.Join(", ", widths)}");
        var test = Regex.Match(text, @"test PCK@2 px (\d\.\d+), PCK@4 px (\d\.\d+)");
        Assert.True(Number(test, 2) >= 0.9, test.Value);
        var lossComparison = Regex.Match(text, @"test PCK@2 px: BCE (\d\.\d+), MSE (\d\.\d+)");
        Assert.True(lossComparison.Success, text);
        var pairs = Regex.Match(text, @"PCK@4 px of both: brightest pixel (\d\.\d+); your peaks (\d\.\d+)");
        Assert.True(Number(pairs) <= 0.6 && Number(pairs, 2) >= Number(pairs) + 0.25, pairs.Value);
        var hard = Regex.Match(text, @"hard test people, PCK@4 px: baseline (\d\.\d+), yours (\d\.\d+)");
        Assert.True(Number(hard, 2) >= 0.8 && Number(hard, 2) >= Number(hard) + 0.1, hard.Value);
        Assert.Contains("left elbow", text);                    // the eleven-joint network's table
    }

    [Fact]
    public void Pose_learner_notebook_runs_as_shipped_with_every_check_saying_what_is_missing()
    {
        string text = run.Executed(LabNotebookTests.PoseLearner).Text;

        foreach (string check in new[] { "Heatmaps", "Heatmap widths to try", "MSE heatmap loss", "Elbows and knees", "Peaks", "Training for hard people", "Hard people" })
            Assert.Contains($"✗ {check}: not there yet", text);
        Assert.DoesNotContain("✓ ", text);
        for (int exercise = 1; exercise <= 6; exercise++)
            Assert.Matches($@"→ using the library's [^\n]+ because your exercise {exercise} is not done yet\.", text);
        Assert.Matches(@"hard test people, PCK@4 px: baseline \d\.\d+, yours \d\.\d+", text);
    }
}
