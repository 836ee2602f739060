using static TorchSharp.torch;

namespace Segmentation.Metrics;

/// <summary>Checks what the metrics are given, with messages that say what to do.</summary>
static class MetricInput
{
    /// <summary>Binary: prediction and mask of the same shape, [N, 1, H, W] (or [N, H, W]).</summary>
    public static void SameShape(Tensor prediction, Tensor masks, string where)
    {
        TensorShapes.RequireSame(prediction, masks, where);
        if (prediction.dim() < 2)
            throw new ArgumentException($"{where}: expected a batch [N, 1, H, W], got shape {TensorShapes.Describe(prediction)}.");
    }

    /// <summary>Multi-class: class ids [N, H, W] of type Int64 in 0..classes-1.</summary>
    public static void ClassIds(Tensor ids, long classes, string what, string where)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.dim() != 3)
            throw new ArgumentException(
                $"{where}: {what} must be class ids shaped [N, H, W], got {TensorShapes.Describe(ids)}."
                + (ids.dim() == 4 && ids.shape[1] == 1 ? " Use .squeeze(1) to drop the channel dimension." : ""));
        if (ids.dtype != ScalarType.Int64)
            throw new ArgumentException($"{where}: {what} must be of type Int64, got {ids.dtype}. Convert with .to_type(ScalarType.Int64).");
        if (ids.numel() == 0)
            return;
        using var scope = NewDisposeScope();
        long low = ids.min().item<long>(), high = ids.max().item<long>();
        if (low < 0 || high >= classes)
            throw new ArgumentException($"{where}: {what} must lie in 0..{classes - 1} for {classes} classes, but range from {low} to {high}.");
    }
}
