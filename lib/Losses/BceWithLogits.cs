using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Losses;

/// <summary>
/// Pixel-wise losses for binary masks ([N, 1, H, W] logits against 0/1 masks of the same shape).
/// Every one takes LOGITS (raw model outputs, any real number), never probabilities: the name says so.
/// One file per loss: BceWithLogits.cs, SoftDice.cs, BceDice.cs, Focal.cs.
/// </summary>
public static partial class BinaryLosses
{
    /// <summary>
    /// Binary cross-entropy averaged over every pixel: -[w y log p + (1 - y) log(1 - p)] with p = sigmoid(logit).
    /// Takes LOGITS: the sigmoid is applied inside, in a numerically stable way. Feeding it probabilities applies
    /// a second sigmoid, the mistake that kept the original notebook's loss above about 0.58.
    /// </summary>
    /// <param name="logits">Model output, [N, 1, H, W].</param>
    /// <param name="masks">Targets of the same shape, 0 or 1 (values in between are allowed).</param>
    /// <param name="positiveWeight">
    /// w above: how much a missed object pixel costs compared with a false alarm on the background.
    /// Null (the default) means 1. Above 1 helps when objects are small: a common choice is
    /// background pixels / object pixels.
    /// </param>
    /// <exception cref="ArgumentException">Shapes differ, or mask values lie outside 0..1.</exception>
    public static Tensor BceWithLogits(Tensor logits, Tensor masks, double? positiveWeight = null)
    {
        using var scope = NewDisposeScope();
        var targets = ShapeCheck.BinaryTargets(logits, masks, nameof(BceWithLogits));
        if (positiveWeight is null)
            return nn.functional.binary_cross_entropy_with_logits(logits, targets).MoveToOuterDisposeScope();
        if (!(positiveWeight > 0))
            throw new ArgumentOutOfRangeException(nameof(positiveWeight), positiveWeight, "The positive weight must be above 0 (1 means no weighting).");
        // One weight for the single channel, broadcast over every pixel.
        var weight = tensor(new[] { positiveWeight.Value }, device: logits.device).to_type(logits.dtype);
        return nn.functional.binary_cross_entropy_with_logits(logits, targets, pos_weights: weight).MoveToOuterDisposeScope();
    }
}
