using static TorchSharp.torch;

namespace Segmentation.Metrics;

/// <summary>
/// Keeps one <see cref="ConfusionCounts"/> per image over any number of batches, for the per-image reduction:
/// a score is computed for each image and then averaged, so a small lesion counts as much as a large one.
/// The dataset-wide reduction (<see cref="Total"/>) sums the counts first and then computes one score, so large
/// objects weigh more. Both are common; papers should say which they report. Empty masks follow the rules of
/// <see cref="ConfusionCounts"/> (an empty mask predicted empty scores 1, a false alarm on it 0).
/// </summary>
public sealed class PerImageCounts
{
    readonly List<ConfusionCounts> images = [];

    /// <summary>The counts of each image added so far, in order.</summary>
    public IReadOnlyList<ConfusionCounts> Images => images;

    /// <summary>Adds a batch: logits thresholded at 0, masks 0/1, both [N, 1, H, W].</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void Add(Tensor logits, Tensor masks) => images.AddRange(ConfusionCounts.PerImage(logits, masks));

    /// <summary>Adds a batch of predicted 0/1 masks against <paramref name="masks"/>, both [N, 1, H, W].</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public void AddPredictions(Tensor predictedMasks, Tensor masks)
    {
        MetricInput.SameShape(predictedMasks, masks, nameof(PerImageCounts));
        images.AddRange(ConfusionCounts.CountPerImage(predictedMasks, Scalars.Half, masks));
    }

    /// <summary>Forgets every image, e.g. before the next epoch.</summary>
    public void Reset() => images.Clear();

    /// <summary>All images' counts summed: the dataset-wide reduction.</summary>
    public ConfusionCounts Total()
    {
        var total = new ConfusionCounts();
        foreach (var image in images)
            total.Add(image);
        return total;
    }

    /// <summary>Mean over images of <paramref name="score"/>, e.g. <c>Mean(c => c.Recall)</c>; NaN before any image is added.</summary>
    public double Mean(Func<ConfusionCounts, double> score) => images.Count == 0 ? double.NaN : images.Average(score);

    /// <summary>Mean of the per-image Dice scores.</summary>
    public double MeanDice => Mean(c => c.Dice);

    /// <summary>Mean of the per-image IoU scores.</summary>
    public double MeanIoU => Mean(c => c.IoU);
}
