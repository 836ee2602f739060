using System.Runtime.ExceptionServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using static TorchSharp.torch;

namespace Segmentation.Data;

/// <summary>
/// Turns image and mask files into tensors the models take: images as float [3, size, size] in 0..1,
/// masks as float [1, size, size] holding only 0 and 1. Pixels are copied as whole rows
/// (CopyPixelDataTo), never one by one through an indexer, which is many times slower.
/// </summary>
public static class ImageTensors
{
    /// <summary>Reads an RGB image, resizes it to size x size and returns float32 [3, size, size] in 0..1.</summary>
    public static Tensor LoadImage(string path, int size)
    {
        var values = new float[3 * size * size];
        ReadImage(path, size, values);
        return tensor(values, [3, size, size]);
    }

    /// <summary>
    /// Reads a mask, resizes it to size x size and returns float32 [1, size, size]: 1 for the object
    /// (any nonzero pixel of the file), 0 for the background.
    /// </summary>
    public static Tensor LoadMask(string path, int size)
    {
        var values = new float[size * size];
        ReadMask(path, size, values);
        return tensor(values, [1, size, size]);
    }

    /// <summary>
    /// Reads image/mask pairs into two stacked tensors, images [N, 3, size, size] and masks [N, 1, size, size],
    /// in the order of <paramref name="pairs"/>. Files are decoded in parallel, one core each.
    /// </summary>
    public static (Tensor Images, Tensor Masks) LoadPairs(IEnumerable<(string Image, string Mask)> pairs, int size)
    {
        var list = pairs.ToList();
        if (list.Count == 0)
            throw new ArgumentException("There are no image/mask pairs to load.", nameof(pairs));
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);

        int imageLength = 3 * size * size, maskLength = size * size;
        var images = new float[list.Count * imageLength];
        var masks = new float[list.Count * maskLength];
        // Each pair writes only its own slice of the arrays, so the order is the input order whatever runs first.
        try
        {
            Parallel.For(0, list.Count, i =>
            {
                ReadImage(list[i].Image, size, images.AsSpan(i * imageLength, imageLength));
                ReadMask(list[i].Mask, size, masks.AsSpan(i * maskLength, maskLength));
            });
        }
        catch (AggregateException error)
        {
            // Report the file that failed (with its advice), not "one or more errors occurred".
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
        }
        return (tensor(images, [list.Count, 3, size, size]), tensor(masks, [list.Count, 1, size, size]));
    }

    /// <summary>Decodes, resizes and writes channel-first floats in 0..1 to <paramref name="destination"/>.</summary>
    static void ReadImage(string path, int size, Span<float> destination)
    {
        using var image = ImageFiles.Load<Rgb24>(path);
        // Bicubic resampling widens its kernel when shrinking, so downsizing is anti-aliased.
        image.Mutate(context => context.Resize(size, size, KnownResamplers.Bicubic));
        var pixels = new byte[3 * size * size];
        image.CopyPixelDataTo(pixels);

        // Files store R,G,B per pixel (height x width x 3); models want all R, then all G, then all B.
        int plane = size * size;
        for (int p = 0; p < plane; p++)
        {
            destination[p] = pixels[3 * p] / 255f;
            destination[plane + p] = pixels[3 * p + 1] / 255f;
            destination[2 * plane + p] = pixels[3 * p + 2] / 255f;
        }
    }

    /// <summary>Decodes a mask, makes it strictly 0/255, resizes it smoothly and thresholds it back to 0/1.</summary>
    static void ReadMask(string path, int size, Span<float> destination)
    {
        using var mask = ImageFiles.Load<L8>(path);
        mask.ProcessPixelRows(rows =>
        {
            for (int y = 0; y < rows.Height; y++)
                foreach (ref var pixel in rows.GetRowSpan(y))
                    pixel.PackedValue = pixel.PackedValue > 0 ? (byte)255 : (byte)0;
        });
        // Resizing smoothly and then thresholding at half gives smoother borders than nearest neighbour.
        mask.Mutate(context => context.Resize(size, size, KnownResamplers.Triangle));
        var pixels = new byte[size * size];
        mask.CopyPixelDataTo(pixels);
        for (int p = 0; p < pixels.Length; p++)
            destination[p] = pixels[p] >= 128 ? 1f : 0f;
    }
}
