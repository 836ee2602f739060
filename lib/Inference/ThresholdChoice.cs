using Segmentation.Metrics;
using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>
/// Chooses the probability above which a pixel counts as object, on <b>validation</b> images: the threshold is a setting
/// like the epoch, so choosing it on the test images would make the test score an optimistic one.
/// </summary>
public static class ThresholdChoice
{
    /// <summary>The thresholds tried by default: 0.3 to 0.7 in steps of 0.05.</summary>
    public static IReadOnlyList<double> Default { get; } = Enumerable.Range(0, 9).Select(i => Math.Round(0.3 + 0.05 * i, 2)).ToArray();

    /// <summary>
    /// The threshold among <paramref name="candidates"/> (default <see cref="Default"/>) whose masks give the highest Dice
    /// over all pixels of <paramref name="masks"/>, from the model's <paramref name="logits"/> ([N, 1, H, W] both);
    /// the lowest of equal thresholds wins.
    /// </summary>
    public static (double Threshold, double Dice) BestDice(Tensor logits, Tensor masks, IEnumerable<double>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(masks);
        MetricInput.SameShape(logits, masks, nameof(ThresholdChoice));
        var tried = (candidates ?? Default).ToArray();
        if (tried.Length == 0 || tried.Any(t => !(t > 0 && t < 1)))
            throw new ArgumentException("Give one or more thresholds between 0 and 1 (exclusive).", nameof(candidates));
        using var scope = NewDisposeScope();
        var probabilities = logits.sigmoid();
        (double Threshold, double Dice) best = (tried[0], double.NegativeInfinity);
        foreach (double threshold in tried.Order())
        {
            var counts = new ConfusionCounts();
            counts.AddPredictions(probabilities.gt(threshold).to_type(ScalarType.Float32), masks);
            if (counts.Dice > best.Dice)
                best = (threshold, counts.Dice);
        }
        return best;
    }
}
