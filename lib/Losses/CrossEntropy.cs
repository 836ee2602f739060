using static TorchSharp.torch;

namespace Segmentation.Losses;

/// <summary>Pixel-wise losses for masks with more than two classes: one channel of logits per class.</summary>
public static class MultiClassLosses
{
    /// <summary>
    /// Cross-entropy from LOGITS, averaged over every pixel: -log softmax(logits)[true class]. The softmax over the
    /// class channel is applied inside. With class weights w, the average is weighted: sum(w_t loss) / sum(w_t).
    /// </summary>
    /// <param name="logits">Model output, [N, C, H, W], one channel per class.</param>
    /// <param name="targets">Class ids, [N, H, W], type Int64, each in 0..C-1 (no channel dimension, not one-hot).</param>
    /// <param name="classWeights">Optional weight per class (C values), e.g. to count a rare class more.</param>
    /// <exception cref="ArgumentException">Shapes or types do not fit, or a class id is outside 0..C-1.</exception>
    public static Tensor CrossEntropyWithLogits(Tensor logits, Tensor targets, double[]? classWeights = null)
    {
        ShapeCheck.ClassTargets(logits, targets, nameof(CrossEntropyWithLogits));
        if (classWeights is null)
            return nn.functional.cross_entropy(logits, targets);
        if (classWeights.Length != logits.shape[1] || classWeights.Any(w => !(w >= 0)))
            throw new ArgumentException(
                $"Give one weight of 0 or more per class: {logits.shape[1]} classes, {classWeights.Length} weights.", nameof(classWeights));
        using var scope = NewDisposeScope();
        var weight = tensor(classWeights, device: logits.device).to_type(logits.dtype);
        return nn.functional.cross_entropy(logits, targets, weight: weight).MoveToOuterDisposeScope();
    }
}
