using System.Runtime.ExceptionServices;
using Segmentation.Data;
using Segmentation.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Loading;

/// <summary>
/// Turns image and mask files into tensors the models take: images as float [3, size, size] in 0..1,
/// masks as float [1, size, size] holding only 0 and 1. For shuffled, augmented batches epoch after
/// epoch, use <see cref="SegmentationLoader"/> instead.
/// </summary>
public static class ImageTensors
{
    /// <summary>An image already in memory, at its own size, as float32 [3, H, W] in 0..1.</summary>
    public static Tensor FromImage(SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var bytes = new byte[3 * image.Width * image.Height];
        image.CopyPixelDataTo(bytes);
        using var scope = NewDisposeScope();
        return RgbBytesToTensor(bytes, 1, image.Height, image.Width).squeeze(0).MoveToOuterDisposeScope();
    }

    /// <summary>Reads an RGB image, resizes it to size x size and returns float32 [3, size, size] in 0..1.</summary>
    public static Tensor LoadImage(string path, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var scope = NewDisposeScope();
        return RgbBytesToTensor(ResizedPixels.ReadImage(path, size), 1, size, size).squeeze(0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Reads a mask, resizes it to size x size and returns float32 [1, size, size]: 1 for the object, 0 for the
    /// background. By default any nonzero pixel is object (PH2's rule); MADS masks use <see cref="MaskRule.GrayAbove127"/>.
    /// </summary>
    public static Tensor LoadMask(string path, int size, MaskRule rule = MaskRule.AnyNonZero)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var values = ResizedPixels.ReadMask(path, size, rule).Select(b => (float)b).ToArray();
        TorchRuntime.EnsureLoaded();
        return tensor(values, [1, size, size]);
    }

    /// <summary>
    /// Reads any image as gray levels (its luminance: 0 black, 1 white), resized smoothly to size x size: float32
    /// [1, size, size] in 0..1, not thresholded. A mask file read this way is 0 and 1 away from the object's edge
    /// and gray along it, where resizing mixed object and background; deciding where to cut is left to the caller.
    /// </summary>
    public static Tensor LoadGrayLevels(string path, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var values = ResizedPixels.ReadGray(path, size).Select(b => b / 255f).ToArray();
        TorchRuntime.EnsureLoaded();
        return tensor(values, [1, size, size]);
    }

    /// <summary>
    /// Reads image/mask pairs into two stacked tensors, images [N, 3, size, size] and masks [N, 1, size, size],
    /// in the order of <paramref name="pairs"/>; any nonzero mask pixel is object. Files are decoded in parallel.
    /// </summary>
    public static (Tensor Images, Tensor Masks) LoadPairs(IEnumerable<(string Image, string Mask)> pairs, int size) =>
        LoadPairs(pairs.Select(pair => (pair.Image, pair.Mask, MaskRule.AnyNonZero)).ToList(), size);

    /// <summary>
    /// Reads the cases of any dataset (PH2 cases, MADS frames) into images [N, 3, size, size] and masks
    /// [N, 1, size, size], in the order given, each mask read by its dataset's <see cref="MaskRule"/>.
    /// </summary>
    public static (Tensor Images, Tensor Masks) LoadPairs(IEnumerable<ISegmentationPair> pairs, int size) =>
        LoadPairs(pairs.Select(pair => (pair.ImagePath, pair.MaskPath, pair.MaskRule)).ToList(), size);

    /// <summary>Reads many images at once into float32 [N, 3, size, size] in 0..1, in the order given.</summary>
    public static Tensor LoadImages(IReadOnlyList<string> paths, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        int length = 3 * size * size;
        var bytes = new byte[paths.Count * length];
        InParallel(paths.Count, i => ResizedPixels.ReadImage(paths[i], size, bytes.AsSpan(i * length, length)));
        return RgbBytesToTensor(bytes, paths.Count, size, size);
    }

    static (Tensor Images, Tensor Masks) LoadPairs(List<(string Image, string Mask, MaskRule Rule)> list, int size)
    {
        if (list.Count == 0)
            throw new ArgumentException("There are no image/mask pairs to load.", "pairs");
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);

        int imageLength = 3 * size * size, maskLength = size * size;
        var images = new byte[list.Count * imageLength];
        var masks = new float[list.Count * maskLength];
        // Each pair writes only its own slice of the arrays, so the order is the input order whatever runs first.
        InParallel(list.Count, i =>
        {
            ResizedPixels.ReadImage(list[i].Image, size, images.AsSpan(i * imageLength, imageLength));
            var mask = ResizedPixels.ReadMask(list[i].Mask, size, list[i].Rule);
            for (int p = 0; p < maskLength; p++)
                masks[i * maskLength + p] = mask[p];
        });
        return (RgbBytesToTensor(images, list.Count, size, size), tensor(masks, [list.Count, 1, size, size]));
    }

    /// <summary>
    /// Bytes as files store them (N x H x W x RGB, 0..255) to the float [N, 3, H, W] in 0..1 that models take.
    /// libtorch does the reordering and the conversion, many values at a time.
    /// </summary>
    internal static Tensor RgbBytesToTensor(byte[] bytes, int count, int height, int width)
    {
        TorchRuntime.EnsureLoaded(); // a clear message instead of a type-initialisation error when libtorch cannot load
        using var scope = NewDisposeScope();
        using var noGradients = no_grad();
        var hwc = tensor(bytes, [count, height, width, 3], ScalarType.Byte);
        var chw = hwc.to_type(ScalarType.Float32).permute(0, 3, 1, 2).contiguous();
        return chw.mul_(Scalars.ByteToUnit).MoveToOuterDisposeScope();
    }

    static void InParallel(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException error)
        {
            // Report the file that failed (with its advice), not "one or more errors occurred".
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]);
        }
    }
}
