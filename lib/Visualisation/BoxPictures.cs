using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Segmentation.Inference;
using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>
/// An image with a rectangle drawn on it: how an object detector shows its answer, next to the mask a
/// segmentation network gives (<see cref="Picture.Overlay"/>).
/// </summary>
public static class BoxPictures
{
    /// <summary>
    /// <paramref name="image"/> ([3, H, W], values 0..1) with <paramref name="box"/>'s outline drawn
    /// <paramref name="thickness"/> pixels wide, inside the box's edges, in <paramref name="colour"/> (orange-red if not given).
    /// </summary>
    /// <exception cref="ArgumentException">The image is not [3, H, W], or the box does not fit in it.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The thickness is below 1.</exception>
    public static Picture Draw(Tensor image, BoundingBox box, Color? colour = null, int thickness = 2)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (thickness < 1)
            throw new ArgumentOutOfRangeException(nameof(thickness), thickness, "The thickness is 1 pixel or more.");
        if (image.dim() != 3 || image.shape[0] != 3)
            throw new ArgumentException($"Expected an RGB image shaped [3, H, W], got {TensorShapes.Describe(image)}.", nameof(image));
        long height = image.shape[1], width = image.shape[2];
        if (box.Left < 0 || box.Top < 0 || box.Right >= width || box.Bottom >= height || box.Width < 1 || box.Height < 1)
            throw new ArgumentException($"The box ({box}) does not fit in the {width}x{height} image.", nameof(box));

        var pixel = (colour ?? Color.OrangeRed).ToPixel<Rgb24>();
        float[] rgb = [pixel.R / 255f, pixel.G / 255f, pixel.B / 255f];
        using var scope = NewDisposeScope();
        var drawn = image.detach().cpu().to_type(ScalarType.Float32).clone();
        int across = Math.Min(thickness, box.Height), down = Math.Min(thickness, box.Width);
        for (int c = 0; c < 3; c++)
        {
            var plane = drawn[c];
            long left = box.Left, top = box.Top, right = box.Right + 1, bottom = box.Bottom + 1;
            plane[TensorIndex.Slice(top, top + across), TensorIndex.Slice(left, right)].fill_(rgb[c]);
            plane[TensorIndex.Slice(bottom - across, bottom), TensorIndex.Slice(left, right)].fill_(rgb[c]);
            plane[TensorIndex.Slice(top, bottom), TensorIndex.Slice(left, left + down)].fill_(rgb[c]);
            plane[TensorIndex.Slice(top, bottom), TensorIndex.Slice(right - down, right)].fill_(rgb[c]);
        }
        return Picture.FromImageTensor(drawn);
    }
}
