using Segmentation.Pose;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.PoseMessages.Pieces;

namespace Segmentation.Exercises;

/// <summary>
/// Chooses, piece by piece, what the pose challenge runs: the learner's piece when its check passed, otherwise the
/// library's (<see cref="PoseFallbacks"/>), saying which and why (see <see cref="LabCheckResult.Pick{T}"/>).
/// </summary>
public static class PosePieces
{
    /// <summary>The heatmaps of exercise 1.</summary>
    public static Func<float[,,], int, float, Tensor> Heatmaps(LabCheckResult check, Func<float[,,], int, float, Tensor> yours) =>
        Checked(check).Pick(yours, PoseFallbacks.RenderHeatmaps, Text.Heatmaps);

    /// <summary>The widths of exercise 2.</summary>
    public static IReadOnlyList<float> Sigmas(LabCheckResult check, IReadOnlyList<float>? yours) =>
        Checked(check).Pick(yours, PoseFallbacks.Sigmas, Text.Sigmas)!;

    /// <summary>The MSE loss of exercise 3.</summary>
    public static Func<Tensor, Tensor, Tensor> MseLoss(LabCheckResult check, Func<Tensor, Tensor, Tensor> yours) =>
        Checked(check).Pick(yours, PoseFallbacks.MseLoss, Text.MseLoss);

    /// <summary>The skeleton of exercise 4.</summary>
    public static Skeleton Skeleton(LabCheckResult check, Func<Skeleton> yours) =>
        Checked(check).Pick(yours, PoseFallbacks.ElbowsAndKnees, Text.Skeleton)();

    /// <summary>The peak finder of exercise 5.</summary>
    public static Func<Tensor, double, IReadOnlyList<(int X, int Y)>> Peaks(LabCheckResult check, Func<Tensor, double, IReadOnlyList<(int X, int Y)>> yours) =>
        Checked(check).Pick(yours, PoseFallbacks.FindPeaks, Text.Peaks);

    /// <summary>The training plan of exercise 6.</summary>
    public static PoseTrainingPlan Plan(LabCheckResult check, PoseTrainingPlan? yours) =>
        Checked(check).Pick(yours, PoseFallbacks.Plan, Text.Plan)!;

    static LabCheckResult Checked(LabCheckResult check) => check ?? throw new ArgumentNullException(nameof(check),
        "Give the result of this exercise's check (the value its check cell returned), so the challenge knows whether your piece passed.");
}
