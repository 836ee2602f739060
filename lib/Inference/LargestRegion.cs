using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>
/// A clean-up for images known to hold one object (a PH2 lesion): keep each predicted mask's largest connected region and
/// drop the rest. It removes stray specks, but also true pieces of a lesion the prediction split, so measure before using it.
/// </summary>
public static class LargestRegion
{
    /// <summary>
    /// Each mask of <paramref name="masks"/> ([N, 1, H, W], object where 0.5 or above) with only its largest region
    /// (8-connected) kept; an empty mask stays empty. Returns a new float32 0/1 tensor of the same shape, on the CPU.
    /// </summary>
    public static Tensor Keep(Tensor masks)
    {
        ArgumentNullException.ThrowIfNull(masks);
        if (masks.dim() != 4 || masks.shape[1] != 1)
            throw new ArgumentException($"Expected masks shaped [N, 1, H, W], got {TensorShapes.Describe(masks)}.", nameof(masks));
        var kept = new List<Tensor>();
        for (long i = 0; i < masks.shape[0]; i++)
        {
            var regions = ConnectedComponents.Label(masks[i]);
            kept.Add(regions.Count == 0 ? zeros(1, masks.shape[2], masks.shape[3]) : regions.MaskOf(regions.LargestLabel).unsqueeze(0));
        }
        var result = stack(kept);
        foreach (var mask in kept)
            mask.Dispose();
        return result;
    }
}
