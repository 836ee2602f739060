using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>
/// Small images and masks shown larger, each pixel a square (no blurring), so that a 64x64 training image can be
/// looked at: <c>Zoom.Image(testImages[0])</c>, <c>Zoom.Mask(testMasks[0])</c>.
/// </summary>
public static class Zoom
{
    /// <summary>An image tensor [3, H, W] (values 0..1) drawn <paramref name="factor"/> times larger.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is below 1.</exception>
    public static Picture Image(Tensor image, int factor = 2)
    {
        using var larger = LabelPictures.Enlarge(image, factor);
        return Picture.FromImageTensor(larger);
    }

    /// <summary>A mask [1, H, W] or [H, W] drawn white on black, <paramref name="factor"/> times larger.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is below 1.</exception>
    public static Picture Mask(Tensor mask, int factor = 2)
    {
        using var larger = LabelPictures.Enlarge(mask, factor);
        return Picture.FromMask(larger);
    }
}
