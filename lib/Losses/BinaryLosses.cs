using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Losses;

/// <summary>Pixel-wise losses for binary masks.</summary>
public static class BinaryLosses
{
    /// <summary>
    /// Binary cross-entropy averaged over every pixel. Takes LOGITS (raw model outputs): the sigmoid
    /// is applied inside, in a numerically stable way. Feeding it probabilities applies a second
    /// sigmoid, the mistake that kept the original notebook's loss above about 0.58.
    /// </summary>
    /// <param name="logits">Model output, [N, 1, H, W].</param>
    /// <param name="masks">Targets of the same shape, 0 or 1.</param>
    public static Tensor BceWithLogits(Tensor logits, Tensor masks)
    {
        ShapeCheck.SameShape(logits, masks, nameof(BceWithLogits));
        return nn.functional.binary_cross_entropy_with_logits(logits, masks);
    }
}
