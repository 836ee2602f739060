using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Metrics;

/// <summary>
/// Pixel counts of a binary segmentation, accumulated over any number of batches. Every metric is
/// computed from these four numbers, so batch sizes never skew a dataset-wide score (we sum counts,
/// never average per-batch averages).
/// </summary>
public sealed class ConfusionCounts
{
    // Held for the life of the program: a temporary Scalar could be freed by the garbage collector
    // while libtorch still reads it (a TorchSharp 0.107.0 defect).
    static readonly Scalar Zero = 0.0.ToScalar();
    static readonly Scalar Half = 0.5.ToScalar();

    /// <summary>Lesion pixels predicted as lesion.</summary>
    public long TruePositives { get; private set; }
    /// <summary>Background pixels predicted as lesion.</summary>
    public long FalsePositives { get; private set; }
    /// <summary>Lesion pixels predicted as background.</summary>
    public long FalseNegatives { get; private set; }
    /// <summary>Background pixels predicted as background.</summary>
    public long TrueNegatives { get; private set; }

    /// <summary>
    /// Adds one batch. <paramref name="logits"/> are thresholded at 0 (probability 0.5);
    /// <paramref name="masks"/> hold 0/1 targets of the same shape.
    /// </summary>
    public void Add(Tensor logits, Tensor masks)
    {
        using var scope = NewDisposeScope();
        var predicted = logits.gt(Zero);
        var actual = masks.gt(Half);
        TruePositives += predicted.logical_and(actual).sum().item<long>();
        FalsePositives += predicted.logical_and(actual.logical_not()).sum().item<long>();
        FalseNegatives += predicted.logical_not().logical_and(actual).sum().item<long>();
        TrueNegatives += predicted.logical_not().logical_and(actual.logical_not()).sum().item<long>();
    }

    /// <summary>
    /// Dice (F1) = 2TP / (2TP + FP + FN). When the mask and the prediction are both empty there is
    /// nothing to find and nothing was found: we return 1.
    /// </summary>
    public double Dice => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>IoU (Jaccard) = TP / (TP + FP + FN); 1 when both mask and prediction are empty.</summary>
    public double IoU => Ratio(TruePositives, TruePositives + FalsePositives + FalseNegatives);

    /// <summary>Share of pixels classified correctly.</summary>
    public double PixelAccuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    static double Ratio(long numerator, long denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;
}
