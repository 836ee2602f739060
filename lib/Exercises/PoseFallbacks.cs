using Segmentation.Pose;
using static TorchSharp.torch;

namespace Segmentation.Exercises;

/// <summary>
/// The library's version of each pose-challenge exercise, with the exercise's own signature, for the steps after an
/// exercise that is not done yet (see <see cref="PosePieces"/>).
/// </summary>
public static class PoseFallbacks
{
    /// <summary>Exercise 1: <see cref="Pose.Heatmaps.Render(float[,,], int, float)"/>.</summary>
    public static Tensor RenderHeatmaps(float[,,] joints, int size, float sigma) => Pose.Heatmaps.Render(joints, size, sigma);

    /// <summary>Exercise 2: a narrow, a middle and a wide bump, in pixels.</summary>
    public static IReadOnlyList<float> Sigmas { get; } = [0.75f, 1.5f, 4f];

    /// <summary>Exercise 3: the mean over every value of (sigmoid(logit) - heatmap)².</summary>
    public static Tensor MseLoss(Tensor logits, Tensor heatmaps)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return logits.sigmoid().sub(heatmaps).square().mean();
    }

    /// <summary>Exercise 4: <see cref="Skeleton.Full"/>.</summary>
    public static Skeleton ElbowsAndKnees() => Skeleton.Full;

    /// <summary>Exercise 5: <see cref="Pose.Heatmaps.Peaks"/> with a radius of 2 pixels.</summary>
    public static IReadOnlyList<(int X, int Y)> FindPeaks(Tensor heatmap, double threshold) => Pose.Heatmaps.Peaks(heatmap, threshold, radius: 2);

    /// <summary>Exercise 6: the same training as the easy people's (a baseline, not a solution).</summary>
    public static PoseTrainingPlan Plan { get; } = new();
}
