using Segmentation.Data;
using Segmentation.Training;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.LabMessages.Pieces;

namespace Segmentation.Exercises;

/// <summary>
/// Chooses, piece by piece, what the lab's pipeline runs: the learner's piece when its check passed, otherwise the
/// library's (<see cref="LabFallbacks"/>), saying which and why (see <see cref="LabCheckResult.Pick{T}"/>).
/// </summary>
public static class LabPieces
{
    /// <summary>The loader of exercise 1.</summary>
    public static Func<IReadOnlyList<MadsFrame>, int, (Tensor Images, Tensor Masks)> Loader(LabCheckResult check,
        Func<IReadOnlyList<MadsFrame>, int, (Tensor Images, Tensor Masks)> yours) =>
        Checked(check).Pick(yours, LabFallbacks.LoadFrames, Text.Loader);

    /// <summary>The split of exercise 2.</summary>
    public static Func<IReadOnlyList<MadsFrame>, double, (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> HeldOut)> Split(LabCheckResult check,
        Func<IReadOnlyList<MadsFrame>, double, (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> HeldOut)> yours) =>
        Checked(check).Pick(yours, LabFallbacks.SplitFrames, Text.Split);

    /// <summary>The augmentation of exercise 3.</summary>
    public static Func<(Tensor Image, Tensor Mask), Random, (Tensor Image, Tensor Mask)> Augmentation(LabCheckResult check,
        Func<(Tensor Image, Tensor Mask), Random, (Tensor Image, Tensor Mask)> yours) =>
        Checked(check).Pick(yours, LabFallbacks.Augment, Text.Augmentation);

    /// <summary>IoU and Dice of exercise 4.</summary>
    public static (Func<Tensor, Tensor, double> Iou, Func<Tensor, Tensor, double> Dice) Metrics(LabCheckResult check,
        Func<Tensor, Tensor, double> iou, Func<Tensor, Tensor, double> dice) =>
        Checked(check).Pick((iou, dice), (LabFallbacks.Iou, LabFallbacks.Dice), Text.Metrics);

    /// <summary>The held-out IoU of exercise 5.</summary>
    public static Func<Tensor, Tensor, double, double> HeldOutIou(LabCheckResult check, Func<Tensor, Tensor, double, double> yours) =>
        Checked(check).Pick(yours, LabFallbacks.HeldOutIou, Text.HeldOutIou);

    /// <summary>The decoder block of exercise 6, as a factory of (channels from below, skip channels, output channels).</summary>
    public static Func<long, long, long, nn.Module<Tensor, Tensor, Tensor>> DecoderBlock(LabCheckResult check,
        Func<long, long, long, nn.Module<Tensor, Tensor, Tensor>> yours) =>
        Checked(check).Pick(yours, LabFallbacks.DecoderBlock, Text.DecoderBlock);

    /// <summary>The training options of exercise 7.</summary>
    public static TrainingOptions Options(LabCheckResult check, TrainingOptions? yours) =>
        Checked(check).Pick(yours, LabFallbacks.Options, check.Passed ? Text.Options : Text.LibraryOptions)!;

    /// <summary>The search for the worst predictions of exercise 8.</summary>
    public static Func<Tensor, Tensor, int, int[]> WorstImages(LabCheckResult check, Func<Tensor, Tensor, int, int[]> yours) =>
        Checked(check).Pick(yours, LabFallbacks.WorstImages, Text.WorstImages);

    /// <summary>The people counter of exercise 9.</summary>
    public static Func<Tensor, int> CountPeople(LabCheckResult check, Func<Tensor, int> yours) =>
        Checked(check).Pick(yours, LabFallbacks.CountPeople, Text.CountPeople);

    static LabCheckResult Checked(LabCheckResult check) => check ?? throw new ArgumentNullException(nameof(check),
        "Give the result of this exercise's check (the value its check cell returned), so the lab knows whether your piece passed.");
}
