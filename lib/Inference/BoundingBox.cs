using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>
/// The smallest axis-aligned rectangle that holds every pixel of a mask: what an object detector answers
/// ("there is a lesion in this box") where segmentation answers which pixels are the lesion.
/// Columns <see cref="Left"/> to <see cref="Right"/> and rows <see cref="Top"/> to <see cref="Bottom"/>, both ends included.
/// </summary>
/// <param name="Left">First column that holds a mask pixel.</param>
/// <param name="Top">First row that holds a mask pixel.</param>
/// <param name="Right">Last column that holds a mask pixel.</param>
/// <param name="Bottom">Last row that holds a mask pixel.</param>
public readonly record struct BoundingBox(int Left, int Top, int Right, int Bottom)
{
    /// <summary>Width in pixels (both edge columns counted).</summary>
    public int Width => Right - Left + 1;

    /// <summary>Height in pixels (both edge rows counted).</summary>
    public int Height => Bottom - Top + 1;

    /// <summary>Pixels inside the box, edges included.</summary>
    public int Area => Width * Height;

    /// <summary>
    /// The box around every pixel of <paramref name="mask"/> above 0.5; null when the mask is empty (nothing to box).
    /// Takes one mask shaped [H, W], [1, H, W] or [1, 1, H, W], on any device.
    /// </summary>
    /// <exception cref="ArgumentException">The tensor holds more than one mask.</exception>
    public static BoundingBox? OfMask(Tensor mask)
    {
        var pixels = BinaryMask.ToArray(mask);
        int height = pixels.GetLength(0), width = pixels.GetLength(1);
        int left = width, top = height, right = -1, bottom = -1;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                if (!pixels[y, x])
                    continue;
                left = Math.Min(left, x);
                right = Math.Max(right, x);
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y);
            }
        return right < 0 ? null : new BoundingBox(left, top, right, bottom);
    }

    /// <summary>e.g. <c>columns 40..151, rows 35..160 (112 x 126 pixels)</c>.</summary>
    public override string ToString() => Course.Say("columns {0}..{1}, rows {2}..{3} ({4} x {5} pixels)", Left, Right, Top, Bottom, Width, Height);
}
