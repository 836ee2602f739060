using Segmentation.Exercises;
using Segmentation.Pose;
using static TorchSharp.torch;

namespace Lesson.Tests.Lab;

/// <summary>Every pose-challenge check against a right answer and plausible wrong ones.</summary>
public class PoseCheckTests
{
    static void Fails(LabCheckResult result, string expectedFragment)
    {
        Assert.False(result.Passed, "the check passed wrong work");
        Assert.Contains(result.Messages, m => m.Contains(expectedFragment, StringComparison.Ordinal));
    }

    static void Passes(LabCheckResult result) => Assert.True(result.Passed, result.ToString());

    static Tensor Gauss(float[,,] joints, int size, float sigma, Func<float, float, float> exponent, bool swap = false)
    {
        int n = joints.GetLength(0), j = joints.GetLength(1);
        var v = new float[n * j * size * size];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < j; k++)
                for (int y = 0; y < size; y++)
                    for (int x = 0; x < size; x++)
                    {
                        float jx = joints[i, k, swap ? 1 : 0], jy = joints[i, k, swap ? 0 : 1];
                        v[((i * j + k) * size + y) * size + x] = MathF.Exp(exponent((x - jx) * (x - jx) + (y - jy) * (y - jy), sigma));
                    }
        return tensor(v).reshape(n, j, size, size);
    }

    [Fact]
    public void Heatmaps_pass_a_gaussian_of_width_sigma_and_catch_swapped_axes_wrong_widths_and_scaling()
    {
        Passes(PoseChecks.Heatmaps((j, s, w) => Heatmaps.Render(j, s, w)));
        Passes(PoseChecks.Heatmaps((j, s, w) => Gauss(j, s, w, (d2, sg) => -d2 / (2 * sg * sg))));
        Fails(PoseChecks.Heatmaps((j, s, w) => Gauss(j, s, w, (d2, sg) => -d2 / (2 * sg * sg), swap: true)), "x and y are swapped");
        Fails(PoseChecks.Heatmaps((j, s, w) => Gauss(j, s, w, (d2, sg) => -d2 / (sg * sg))), "-d² / (2·sigma²)");
        Fails(PoseChecks.Heatmaps((j, s, w) => Gauss(j, s, w, (d2, sg) => -d2 / (2 * sg))), "-d² / (2·sigma²)");
        // A normalised Gaussian (area 1) peaks far below 1.
        Fails(PoseChecks.Heatmaps((j, s, w) => Gauss(j, s, w, (d2, sg) => -d2 / (2 * sg * sg)).div(2 * MathF.PI * w * w)), "is 1 exactly at its joint");
        Fails(PoseChecks.Heatmaps((j, s, w) => Heatmaps.Render(j, s, w).permute(1, 0, 2, 3)), "each heatmap [i, j] belongs to joint j of image i");
        Fails(PoseChecks.Heatmaps((j, s, w) => Heatmaps.Render(j, s, w)[.., 0]), "expected [2, 2, 40, 40]");
        Fails(PoseChecks.Heatmaps((j, s, w) => throw new NotImplementedException()), "not implemented yet");
    }

    [Fact]
    public void Sigma_choices_need_three_spread_sensible_widths()
    {
        Passes(PoseChecks.SigmasToTry([0.75f, 1.5f, 3f, 6f]));
        var none = PoseChecks.SigmasToTry(null);
        Fails(none, "no widths chosen yet");
        Assert.Equal(ExerciseState.NotDone, none.State);
        Fails(PoseChecks.SigmasToTry([1f, 2f]), "try at least three");
        Fails(PoseChecks.SigmasToTry([1f, 1.5f, 2f]), "spread them wider");
        Fails(PoseChecks.SigmasToTry([0.1f, 1f, 3f]), "sigma 0.1 is outside");
    }

    [Fact]
    public void Mse_loss_passes_the_mean_of_squared_probability_errors_and_names_each_mistake()
    {
        Passes(PoseChecks.MseLoss(PoseFallbacks.MseLoss));
        Passes(PoseChecks.MseLoss((l, t) => nn.functional.mse_loss(l.sigmoid(), t)));
        Fails(PoseChecks.MseLoss((l, t) => l.sub(t).square().mean()), "compare sigmoid(logits) with them");
        Fails(PoseChecks.MseLoss((l, t) => l.sigmoid().sub(t).square().sum()), "average them over all pixels");
        Fails(PoseChecks.MseLoss((l, t) => l.sigmoid().sub(t).abs().mean()), "squares each difference");
        Fails(PoseChecks.MseLoss((l, t) => l.sigmoid().sub(t).square().mean().sqrt()), "square root");
        Fails(PoseChecks.MseLoss((l, t) => l.sigmoid().sub(t).square().mean(new long[] { 2, 3 })), "one number");
        Fails(PoseChecks.MseLoss((l, t) => tensor(l.sigmoid().sub(t).square().mean().item<float>())), "no gradient reaches the logits");
        Fails(PoseChecks.MseLoss((l, t) => throw new NotImplementedException()), "not implemented yet");
    }

    [Fact]
    public void Elbows_and_knees_need_every_joint_and_each_limb_in_two_bones()
    {
        Passes(PoseChecks.ElbowsAndKnees(() => Skeleton.Full));
        Fails(PoseChecks.ElbowsAndKnees(() => Skeleton.Basic), "lacks left elbow, right elbow, left knee, right knee");
        // Elbows and knees listed, but the hands and feet still hang from the neck and hips.
        var hangingFromNeck = new Skeleton(Enum.GetValues<BodyPart>(),
            Skeleton.Basic.Bones.Concat([(BodyPart.Neck, BodyPart.LeftElbow), (BodyPart.Neck, BodyPart.RightElbow), (BodyPart.Hips, BodyPart.LeftKnee), (BodyPart.Hips, BodyPart.RightKnee)]).ToList());
        Fails(PoseChecks.ElbowsAndKnees(() => hangingFromNeck), "your left hand is joined to the neck; with elbows and knees, it hangs from the left elbow");
        var crossed = new Skeleton(Enum.GetValues<BodyPart>(),
            Skeleton.Full.Bones.Select(b => b == (BodyPart.LeftElbow, BodyPart.LeftHand) ? (BodyPart.LeftElbow, BodyPart.RightHand)
                : b == (BodyPart.RightElbow, BodyPart.RightHand) ? (BodyPart.RightElbow, BodyPart.LeftHand) : b).ToList());
        Fails(PoseChecks.ElbowsAndKnees(() => crossed), "a limb stays on one side of the body");
        var noHead = new Skeleton(Enum.GetValues<BodyPart>(), Skeleton.Full.Bones.Skip(1).ToList());
        Fails(PoseChecks.ElbowsAndKnees(() => noHead), "nothing joins the head to the neck");
        Fails(PoseChecks.ElbowsAndKnees(() => throw new NotImplementedException()), "not implemented yet");
    }

    static IReadOnlyList<(int X, int Y)> AllAbove(Tensor h, double t)
    {
        var v = h.data<float>().ToArray();
        int w = (int)h.shape[1];
        return Enumerable.Range(0, v.Length).Where(p => v[p] > t).Select(p => (p % w, p / w)).ToList();
    }

    [Fact]
    public void Peaks_pass_local_maxima_above_the_threshold_and_catch_argmax_slopes_and_ignored_thresholds()
    {
        Passes(PoseChecks.FindPeaks(PoseFallbacks.FindPeaks));
        Fails(PoseChecks.FindPeaks((h, t) => PoseRun.Brightest(h)), "A frame can hold several people");
        Fails(PoseChecks.FindPeaks(AllAbove), "keep only a pixel larger than its neighbours");
        Fails(PoseChecks.FindPeaks((h, t) => Heatmaps.Peaks(h, 0.0, 2)), "A faint bump below the threshold is not a joint");
        // Swapped coordinates.
        Fails(PoseChecks.FindPeaks((h, t) => Heatmaps.Peaks(h, t, 2).Select(p => (p.Y, p.X)).ToList()), "expected (0, 11) (x, y)");
        Fails(PoseChecks.FindPeaks((h, t) => throw new NotImplementedException()), "not implemented yet");
    }

    [Fact]
    public void Training_plans_stay_within_sensible_ranges_and_the_hard_score_needs_target_and_gain()
    {
        Passes(PoseChecks.TrainingPlan(new PoseTrainingPlan { Scenes = PoseScenes.Hard, People = 800, Epochs = 12, Widths = [16, 32, 64, 128] }));
        Assert.Equal(ExerciseState.NotDone, PoseChecks.TrainingPlan(null).State);
        Fails(PoseChecks.TrainingPlan(new PoseTrainingPlan { People = 5000 }), "People = 5000");
        Fails(PoseChecks.TrainingPlan(new PoseTrainingPlan { People = 2000, Epochs = 30 }), "keep it at most 12000");
        Fails(PoseChecks.TrainingPlan(new PoseTrainingPlan { Widths = [16] }), "Widths = [16]");
        Passes(PoseChecks.HardPeople(0.6, 0.85, target: 0.8, gain: 0.1));
        Fails(PoseChecks.HardPeople(0.6, 0.75, target: 0.8, gain: 0.1), "the target is 0.8");
        Fails(PoseChecks.HardPeople(0.78, 0.82, target: 0.8, gain: 0.1), "beat it by 0.1");
    }
}
