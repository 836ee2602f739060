using static TorchSharp.torch;

namespace Segmentation.Losses;

/// <summary>Turns shape mismatches into messages a learner can act on.</summary>
static class ShapeCheck
{
    public static void SameShape(Tensor prediction, Tensor target, string where)
    {
        if (!prediction.shape.SequenceEqual(target.shape))
            throw new ArgumentException(
                $"{where}: the prediction has shape [{string.Join(", ", prediction.shape)}] but the mask has shape "
                + $"[{string.Join(", ", target.shape)}]. Both must be [N, 1, H, W]: resize masks to the image size "
                + "and keep one channel.");
    }
}
