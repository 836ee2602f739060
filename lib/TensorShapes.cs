using static TorchSharp.torch;

namespace Segmentation;

/// <summary>
/// How the library writes a tensor's shape in its messages (one way, everywhere; notebooks print shapes with it too,
/// <c>TensorShapes.Describe(images)</c>), and the shape checks that the losses and the metrics share, so both say the same
/// thing about the same mistake.
/// </summary>
public static class TensorShapes
{
    /// <summary>A tensor's shape as learners read it, e.g. <c>[8, 1, 128, 128]</c>.</summary>
    public static string Describe(Tensor t) => Describe(t.shape);

    /// <summary>A shape as learners read it, e.g. <c>[8, 1, 128, 128]</c>.</summary>
    public static string Describe(ReadOnlySpan<long> shape) => $"[{string.Join(", ", shape.ToArray())}]";

    /// <summary>A prediction (logits or mask) and the true masks must have the same shape, [N, 1, H, W] for one class.</summary>
    internal static void RequireSame(Tensor prediction, Tensor masks, string where)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(masks);
        if (!prediction.shape.SequenceEqual(masks.shape))
            throw new ArgumentException(
                $"{where}: the prediction has shape {Describe(prediction)} but the mask has shape {Describe(masks)}. "
                + "Both must be [N, 1, H, W]: resize masks to the image size and keep one channel.");
    }
}
