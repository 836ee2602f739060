using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Losses;

public static partial class BinaryLosses
{
    /// <summary>
    /// Soft Dice loss from LOGITS: 1 - (2 sum(p y) + s) / (sum(p) + sum(y) + s), with p = sigmoid(logit) and the sums
    /// taken over every pixel of the whole batch (one ratio, not a mean of per-image ratios). It measures overlap
    /// rather than per-pixel error, so a small object counts as much as a large background.
    /// </summary>
    /// <param name="logits">Model output, [N, 1, H, W].</param>
    /// <param name="masks">Targets of the same shape, 0 or 1.</param>
    /// <param name="smooth">
    /// s above, default 1: keeps the ratio defined when the batch has no object pixels and predicts none
    /// (the loss is then 0, a perfect score), and softens the gradient on tiny objects. Must be above 0.
    /// </param>
    /// <exception cref="ArgumentException">Shapes differ, or mask values lie outside 0..1.</exception>
    public static Tensor SoftDiceWithLogits(Tensor logits, Tensor masks, double smooth = 1.0)
    {
        if (!(smooth > 0))
            throw new ArgumentOutOfRangeException(nameof(smooth), smooth, "The smooth term must be above 0; 1 is the usual choice.");
        using var scope = NewDisposeScope();
        var targets = ShapeCheck.BinaryTargets(logits, masks, nameof(SoftDiceWithLogits));
        var probabilities = sigmoid(logits);
        using var s = smooth.ToScalar();
        var overlap = (probabilities * targets).sum().mul(Scalars.Two).add(s, alpha: Scalars.One);
        var total = probabilities.sum().add(targets.sum(), alpha: Scalars.One).add(s, alpha: Scalars.One);
        return (overlap / total).neg().add(Scalars.One, alpha: Scalars.One).MoveToOuterDisposeScope();  // 1 - ratio
    }
}
