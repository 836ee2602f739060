using static TorchSharp.torch;

namespace Segmentation.Losses;

/// <summary>Turns wrong inputs into messages a learner can act on.</summary>
static class ShapeCheck
{
    /// <summary>Binary losses: logits and masks of the same shape, mask values within 0..1. Returns the masks as the logits' type.</summary>
    public static Tensor BinaryTargets(Tensor logits, Tensor masks, string where)
    {
        TensorShapes.RequireSame(logits, masks, where);
        if (!logits.is_floating_point())
            throw new ArgumentException($"{where}: the logits are {logits.dtype}; pass the model's floating-point output.");
        if (masks.numel() > 0 && masks.dtype != ScalarType.Bool)   // true/false lies in 0..1 already
        {
            using var scope = NewDisposeScope();
            // One pass over the masks for both ends, read back together (this runs on every training step).
            var (min, max) = masks.aminmax();
            var ends = stack([min, max]).to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            double low = ends[0], high = ends[1];
            if (low < 0 || high > 1)
                throw new ArgumentException(
                    $"{where}: mask values must lie in 0..1 (0 background, 1 object), but they range from {low} to {high}. "
                    + "Masks read from 8-bit files hold 0..255: divide by 255 or threshold them.");
        }
        return masks.dtype == logits.dtype ? masks : masks.to_type(logits.dtype);
    }

    /// <summary>Multi-class losses: logits [N, C, H, W] and class ids [N, H, W] (int64) in 0..C-1.</summary>
    public static void ClassTargets(Tensor logits, Tensor targets, string where)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        if (logits.dim() != 4)
            throw new ArgumentException($"{where}: logits must be [N, C, H, W] (one channel per class), got {TensorShapes.Describe(logits)}.");
        if (targets.dim() == 4 && targets.shape[1] == 1)
            throw new ArgumentException(
                $"{where}: the targets have shape {TensorShapes.Describe(targets)}; class-id targets have no channel dimension, [N, H, W]. "
                + "Use targets.squeeze(1).");
        if (targets.dim() != 3 || targets.shape[0] != logits.shape[0] || targets.shape[1] != logits.shape[2] || targets.shape[2] != logits.shape[3])
            throw new ArgumentException(
                $"{where}: logits {TensorShapes.Describe(logits)} need targets of shape [{logits.shape[0]}, {logits.shape[2]}, {logits.shape[3]}] "
                + $"(one class id per pixel), got {TensorShapes.Describe(targets)}.");
        if (targets.dtype != ScalarType.Int64)
            throw new ArgumentException(
                $"{where}: targets must be class ids of type Int64, got {targets.dtype}. Convert with targets.to_type(ScalarType.Int64).");
        long classes = logits.shape[1];
        if (targets.numel() > 0)
        {
            using var scope = NewDisposeScope();
            long low = targets.min().item<long>(), high = targets.max().item<long>();
            if (low < 0 || high >= classes)
                throw new ArgumentException(
                    $"{where}: class ids must lie in 0..{classes - 1} for {classes} output channels, but they range from {low} to {high}. "
                    + "Build the model with as many classes as the masks have, or remap the ids.");
        }
    }
}
