using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Losses;

public static partial class BinaryLosses
{
    /// <summary>
    /// Focal loss (Lin et al., 2017) from LOGITS, averaged over every pixel: -a_t (1 - p_t)^gamma log(p_t), where
    /// p_t is the probability given to the true class (p for object pixels, 1 - p for background) and a_t is
    /// alpha for object pixels and 1 - alpha for background. Pixels the model already gets right (p_t near 1)
    /// are scaled down, so training concentrates on the hard ones. gamma = 0 and alpha = null give plain BCE.
    /// </summary>
    /// <param name="logits">Model output, [N, 1, H, W].</param>
    /// <param name="masks">Targets of the same shape, 0 or 1.</param>
    /// <param name="alpha">Weight of object pixels, 0..1 (default 0.25, as in the paper); null weighs both classes 1.</param>
    /// <param name="gamma">Focusing strength, 0 or more (default 2).</param>
    /// <exception cref="ArgumentException">Shapes differ, or mask values lie outside 0..1.</exception>
    public static Tensor FocalWithLogits(Tensor logits, Tensor masks, double? alpha = 0.25, double gamma = 2.0)
    {
        if (alpha is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie in 0..1, or be null for no class weighting.");
        if (!(gamma >= 0))
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must be 0 or more (0 turns the focusing off).");
        using var scope = NewDisposeScope();
        var targets = ShapeCheck.BinaryTargets(logits, masks, nameof(FocalWithLogits));
        // Per-pixel BCE is -log(p_t), so p_t = exp(-BCE): stable even for large logits.
        var crossEntropy = nn.functional.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None);
        var trueClassProbability = crossEntropy.neg().exp();
        using var focus = gamma.ToScalar();
        var loss = trueClassProbability.neg().add(Scalars.One, alpha: Scalars.One).pow(focus) * crossEntropy;  // (1 - p_t)^gamma
        if (alpha is double a)
        {
            // a_t = alpha y + (1 - alpha)(1 - y) = (1 - alpha) + (2 alpha - 1) y
            using var slope = (2 * a - 1).ToScalar();
            using var offset = (1 - a).ToScalar();
            loss = loss * targets.mul(slope).add(offset, alpha: Scalars.One);
        }
        return loss.mean().MoveToOuterDisposeScope();
    }
}
