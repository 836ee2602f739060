using static TorchSharp.torch;

namespace Segmentation.Metrics;

/// <summary>
/// Pixel counts of a binary segmentation (true/false positives/negatives), accumulated over any number of
/// batches. Every metric is computed from these four numbers, so batch sizes never skew a dataset-wide score:
/// we sum counts, never average per-batch averages. For one score per image see <see cref="PerImage"/> and
/// <see cref="PerImageCounts"/>.
/// <para>
/// Empty masks: a ratio whose denominator is 0 is 1 when the prediction made no mistake at all (no false
/// positive and no false negative) and 0 otherwise. So an empty mask predicted empty scores 1 on every
/// metric; a missed object (prediction empty, mask not) has precision 0 and recall 0; a false alarm
/// (mask empty, prediction not) has precision 0 and recall 0. This keeps F1 equal to Dice in every case.
/// Counts with nothing added yet score 1.
/// </para>
/// </summary>
public sealed class ConfusionCounts
{
    /// <summary>Empty counts, ready for <see cref="Add(Tensor, Tensor)"/>.</summary>
    public ConfusionCounts() { }

    /// <summary>Counts known already, e.g. to work out scores by hand.</summary>
    public ConfusionCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives)
    {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0)
            throw new ArgumentOutOfRangeException(nameof(truePositives), "Pixel counts cannot be negative.");
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        FalseNegatives = falseNegatives;
        TrueNegatives = trueNegatives;
    }

    /// <summary>Object pixels predicted as object.</summary>
    public long TruePositives { get; private set; }
    /// <summary>Background pixels predicted as object (false alarms).</summary>
    public long FalsePositives { get; private set; }
    /// <summary>Object pixels predicted as background (misses).</summary>
    public long FalseNegatives { get; private set; }
    /// <summary>Background pixels predicted as background.</summary>
    public long TrueNegatives { get; private set; }

    /// <summary>
    /// Adds one batch of model outputs. <paramref name="logits"/> are thresholded at 0 (probability 0.5);
    /// <paramref name="masks"/> hold 0/1 targets of the same shape, [N, 1, H, W].
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void Add(Tensor logits, Tensor masks)
    {
        MetricInput.SameShape(logits, masks, nameof(ConfusionCounts));
        foreach (var image in PerImage(logits, masks))
            Add(image);
    }

    /// <summary>
    /// Adds one batch of predicted masks (values above 0.5 are object), e.g. from
    /// <c>Segmentation.Inference.BinaryMask</c>, against <paramref name="masks"/> of the same shape.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void AddPredictions(Tensor predictedMasks, Tensor masks)
    {
        MetricInput.SameShape(predictedMasks, masks, nameof(ConfusionCounts));
        foreach (var image in CountPerImage(predictedMasks, Scalars.Half, masks))
            Add(image);
    }

    /// <summary>Adds counts made elsewhere (another batch, another image).</summary>
    public void Add(ConfusionCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
        TrueNegatives += other.TrueNegatives;
    }

    /// <summary>Sets every count back to 0, e.g. before the next epoch.</summary>
    public void Reset() => TruePositives = FalsePositives = FalseNegatives = TrueNegatives = 0;

    /// <summary>
    /// One set of counts per image of the batch (logits thresholded at 0), for per-image scores:
    /// the mean of per-image Dice weighs every image the same, however large its object.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static ConfusionCounts[] PerImage(Tensor logits, Tensor masks)
    {
        MetricInput.SameShape(logits, masks, nameof(PerImage));
        return CountPerImage(logits, Scalars.Zero, masks);
    }

    /// <summary>Dice = 2TP / (2TP + FP + FN), the overlap of prediction and mask; 1 when both are empty.</summary>
    public double Dice => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>IoU (Jaccard) = TP / (TP + FP + FN); 1 when both mask and prediction are empty.</summary>
    public double IoU => Ratio(TruePositives, TruePositives + FalsePositives + FalseNegatives);

    /// <summary>
    /// Precision = TP / (TP + FP): of the pixels predicted as object, the share that are object.
    /// Nothing predicted: 1 if there was nothing to find, 0 if objects were missed.
    /// </summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>
    /// Recall (sensitivity) = TP / (TP + FN): of the object pixels, the share found.
    /// No object in the mask: 1 if nothing was predicted, 0 after a false alarm.
    /// </summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    /// <summary>F1 = 2 precision recall / (precision + recall), which equals <see cref="Dice"/> (also for empty masks).</summary>
    public double F1 => Dice;

    /// <summary>Share of pixels classified correctly. Beware: mostly-background images score high even when the object is missed.</summary>
    public double PixelAccuracy => Ratio(TruePositives + TrueNegatives, TruePositives + TrueNegatives + FalsePositives + FalseNegatives);

    /// <summary>The counts and the main scores, e.g. "TP 2, FP 1, FN 1, TN 2: Dice 0.667, IoU 0.500".</summary>
    public override string ToString() =>
        FormattableString.Invariant($"TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}, TN {TrueNegatives}: Dice {Dice:F3}, IoU {IoU:F3}");

    // 0/0 happens only when the metric has nothing to judge; it is then perfect unless the prediction erred elsewhere.
    double Ratio(long numerator, long denominator) =>
        denominator != 0 ? (double)numerator / denominator : (FalsePositives == 0 && FalseNegatives == 0 ? 1.0 : 0.0);

    /// <summary>Counts per image: prediction = values above <paramref name="threshold"/>, object = mask above 0.5.</summary>
    internal static ConfusionCounts[] CountPerImage(Tensor prediction, TorchSharp.Scalar threshold, Tensor masks)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long images = prediction.shape[0];
        var predicted = prediction.detach().gt(threshold).reshape(images, -1);
        var actual = masks.gt(Scalars.Half).reshape(images, -1);
        long[] Sum(Tensor both) => both.sum(1, type: ScalarType.Int64).cpu().data<long>().ToArray();
        var tp = Sum(predicted.logical_and(actual));
        var fp = Sum(predicted.logical_and(actual.logical_not()));
        var fn = Sum(predicted.logical_not().logical_and(actual));
        var tn = Sum(predicted.logical_not().logical_and(actual.logical_not()));
        return Enumerable.Range(0, (int)images).Select(i => new ConfusionCounts(tp[i], fp[i], fn[i], tn[i])).ToArray();
    }
}
