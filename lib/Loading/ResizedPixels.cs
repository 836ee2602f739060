using Segmentation.Data;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp;

namespace Segmentation.Loading;

/// <summary>
/// Decodes image and mask files and resizes them to size x size, as plain bytes: the step every loader
/// shares, before tensors or augmentation. Pixels are copied as whole rows (CopyPixelDataTo), never one
/// by one through an indexer, which is many times slower.
/// </summary>
internal static class ResizedPixels
{
    /// <summary>RGB bytes, row by row (size x size x 3), resized with anti-aliasing.</summary>
    public static byte[] ReadImage(string path, int size)
    {
        var pixels = new byte[3 * size * size];
        ReadImage(path, size, pixels);
        return pixels;
    }

    /// <summary>Writes the resized image's RGB bytes, row by row (size x size x 3), to <paramref name="destination"/>.</summary>
    public static void ReadImage(string path, int size, Span<byte> destination)
    {
        using var image = ImageFiles.Load<Rgb24>(path);
        // Bicubic resampling widens its kernel when shrinking, so downsizing is anti-aliased.
        image.Mutate(context => context.Resize(size, size, KnownResamplers.Bicubic));
        image.CopyPixelDataTo(destination);
    }

    /// <summary>
    /// The mask as size x size bytes, 1 for the object and 0 for the background. The file is first made
    /// strictly black and white by <paramref name="rule"/>, then resized smoothly and thresholded at half,
    /// which gives smoother borders than nearest-neighbour resizing and a mask that still holds only 0 and 1.
    /// </summary>
    public static byte[] ReadMask(string path, int size, MaskRule rule)
    {
        byte[] binary;
        int width, height;
        using (var colour = ImageFiles.Load<Rgb24>(path))
        {
            (width, height) = (colour.Width, colour.Height);
            var rgb = new byte[3 * width * height];
            colour.CopyPixelDataTo(rgb);
            binary = new byte[width * height];
            for (int p = 0; p < binary.Length; p++)
                binary[p] = IsObject(rgb[3 * p], rgb[3 * p + 1], rgb[3 * p + 2], rule) ? (byte)255 : (byte)0;
        }
        using var mask = Image.LoadPixelData<L8>(binary, width, height);
        mask.Mutate(context => context.Resize(size, size, KnownResamplers.Triangle));
        var pixels = new byte[size * size];
        mask.CopyPixelDataTo(pixels);
        for (int p = 0; p < pixels.Length; p++)
            pixels[p] = pixels[p] >= 128 ? (byte)1 : (byte)0;
        return pixels;
    }

    /// <summary>The gray levels (luminance, 0..255) of any image, resized smoothly to size x size, row by row.</summary>
    public static byte[] ReadGray(string path, int size)
    {
        using var image = ImageFiles.Load<L8>(path);
        image.Mutate(context => context.Resize(size, size, KnownResamplers.Triangle));
        var pixels = new byte[size * size];
        image.CopyPixelDataTo(pixels);
        return pixels;
    }

    /// <summary>Whether a mask pixel marks the object under <paramref name="rule"/>.</summary>
    public static bool IsObject(byte red, byte green, byte blue, MaskRule rule) => rule switch
    {
        MaskRule.AnyNonZero => (red | green | blue) != 0,
        // The usual integer gray level (ITU-R 601 weights, rounded), as image libraries compute it.
        _ => (red * 299 + green * 587 + blue * 114 + 500) / 1000 > 127,
    };
}
