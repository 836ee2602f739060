using System.Globalization;
using System.Text.RegularExpressions;
using Lesson.Tests.Notebooks;

namespace Lesson.Tests.Lab;

/// <summary>
/// The lab in the main job's run (<see cref="CourseRun"/>): the solution passes every check and trains to the held-out
/// IoU the generated sample is calibrated for; the learner's notebook, as shipped, runs to the end and every check says
/// what is missing; the pose challenge trains and reports PCK.
/// </summary>
[Collection(CourseRunCollection.Name)]
public class LabRunTests(CourseRun run)
{
    [Fact]
    public void Solution_passes_every_check_and_reaches_the_calibrated_iou_on_held_out_recordings()
    {
        string text = run.Executed(LabNotebookTests.Solution).Text;

        Assert.Equal(9, Regex.Matches(text, "✓ ").Count);
        Assert.DoesNotContain("✗", text);
        var iou = Regex.Match(text, @"Held-out IoU: (\d\.\d+)");
        Assert.True(iou.Success, "the solution printed no held-out IoU:\n" + text);
        // The generated sample is calibrated to be about as hard as real MADS (data/README.md).
        Assert.InRange(double.Parse(iou.Groups[1].Value, CultureInfo.InvariantCulture), 0.78, 0.90);
    }

    [Fact]
    public void Learner_notebook_runs_as_shipped_and_every_check_says_what_is_missing()
    {
        string text = run.Executed(LabNotebookTests.Learner).Text;

        foreach (string check in new[] { "Loading MADS", "Split by sequence", "Augmentation", "IoU and Dice", "Decoder block", "Held-out IoU", "Worst predictions", "Counting people" })
            Assert.Contains($"✗ {check}: not there yet", text);
        Assert.Contains("✗ Loss and training options: not there yet", text);
        Assert.Contains("no options chosen yet", text);
        // Loading, split, augmentation, IoU, Dice, decoder block, held-out IoU, worst predictions, counting people.
        Assert.Equal(9, Regex.Matches(text, "not implemented yet").Count);
        Assert.DoesNotContain("✓ ", text);
    }

    [Fact]
    public void Pose_challenge_trains_and_finds_most_joints_within_4_pixels()
    {
        string text = run.Executed("lab/PoseChallenge.ipynb").Text;

        var pck = Regex.Match(text, @"PCK@4 px: (\d\.\d+)");
        Assert.True(pck.Success, "the notebook printed no PCK:\n" + text);
        Assert.True(double.Parse(pck.Groups[1].Value, CultureInfo.InvariantCulture) >= 0.5, pck.Value);
    }
}
