using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Segmentation.Inference;
using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>
/// Pictures of label maps, where each pixel holds a number rather than a brightness: class ids (one colour per
/// class) and objects found by <see cref="ConnectedComponents"/> (one colour per object). Also enlarges tiny
/// tensors, such as the 4x4 examples of the loss lessons, so their pixels can be seen.
/// </summary>
public static class LabelPictures
{
    /// <summary>
    /// The colours used when none are given: black for 0 (background), then colours that are easy to tell apart.
    /// Label k gets <c>Palette[k]</c>; labels beyond the end wrap around, skipping black.
    /// </summary>
    public static IReadOnlyList<Color> Palette { get; } =
    [
        Color.Black, Color.ParseHex("E6194B"), Color.ParseHex("3CB44B"), Color.ParseHex("4363D8"), Color.ParseHex("FFE119"),
        Color.ParseHex("F58231"), Color.ParseHex("911EB4"), Color.ParseHex("42D4F4"), Color.ParseHex("F032E6"),
        Color.ParseHex("BFEF45"), Color.ParseHex("FABED4"), Color.ParseHex("9A6324"),
    ];

    /// <summary>
    /// A class map, [H, W] (or [1, H, W]) of whole numbers 0, 1, 2, ..., drawn with one colour per class:
    /// <paramref name="colours"/>[k] for class k, or <see cref="Palette"/> when none are given.
    /// </summary>
    /// <param name="classIds">Class id per pixel, any numeric type, on any device.</param>
    /// <param name="scale">Each pixel becomes a scale x scale square (1 keeps the size).</param>
    /// <param name="colours">A colour per class, class 0 first.</param>
    /// <exception cref="ArgumentException">The map is not [H, W] or [1, H, W], holds a negative id, or has an id without a colour.</exception>
    public static Picture FromClassIds(Tensor classIds, int scale = 1, params Color[] colours)
    {
        ArgumentNullException.ThrowIfNull(classIds);
        var shape = classIds.shape;
        if (!(shape.Length == 2 || (shape.Length == 3 && shape[0] == 1)))
            throw new ArgumentException(
                $"Expected a class map shaped [H, W] or [1, H, W], got {TensorShapes.Describe(shape)}. "
                + "For one-hot channels [C, H, W], take argmax(0) first.", nameof(classIds));
        int height = (int)shape[^2], width = (int)shape[^1];
        long[] ids;
        using (NewDisposeScope())
            ids = classIds.detach().cpu().to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        var labels = new int[height, width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                long id = ids[y * width + x];
                if (id < 0 || (colours.Length > 0 && id >= colours.Length))
                    throw new ArgumentException(
                        $"Class id {id} at (x {x}, y {y}) has no colour: ids must run from 0 to {(colours.Length > 0 ? colours.Length - 1 : "any")}.",
                        nameof(classIds));
                labels[y, x] = (int)id;
            }
        return Draw(labels, scale, colours.Length > 0 ? colours : null);
    }

    /// <summary>The objects of a <see cref="ComponentMap"/>, each in its own colour, on black.</summary>
    /// <param name="components">From <see cref="ConnectedComponents.Label(Tensor, Connectivity)"/>.</param>
    /// <param name="scale">Each pixel becomes a scale x scale square (1 keeps the size).</param>
    public static Picture FromComponents(ComponentMap components, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(components);
        return Draw(components.Labels, scale, null);
    }

    /// <summary>
    /// The tensor with every pixel repeated into a <paramref name="factor"/> x <paramref name="factor"/> square
    /// (nearest neighbour: no blurring), so that a 4x4 mask can be looked at. Works on [H, W] and on [..., H, W].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is below 1.</exception>
    public static Tensor Enlarge(Tensor tensor, int factor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (factor < 1)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be 1 or more.");
        if (tensor.dim() < 2)
            throw new ArgumentException($"Expected at least [H, W], got {TensorShapes.Describe(tensor)}.", nameof(tensor));
        using var scope = NewDisposeScope();
        return tensor.repeat_interleave(factor, dim: -1).repeat_interleave(factor, dim: -2).MoveToOuterDisposeScope();
    }

    static Picture Draw(int[,] labels, int scale, IReadOnlyList<Color>? colours)
    {
        if (scale < 1)
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be 1 or more.");
        int height = labels.GetLength(0), width = labels.GetLength(1);
        int outHeight = height * scale, outWidth = width * scale, plane = outHeight * outWidth;
        var rgb = new float[3 * plane];
        for (int y = 0; y < outHeight; y++)
            for (int x = 0; x < outWidth; x++)
            {
                var colour = ColourOf(labels[y / scale, x / scale], colours);
                int p = y * outWidth + x;
                rgb[p] = colour.R / 255f;
                rgb[plane + p] = colour.G / 255f;
                rgb[2 * plane + p] = colour.B / 255f;
            }
        using var image = tensor(rgb, [3, outHeight, outWidth]);
        return Picture.FromImageTensor(image);
    }

    static Rgb24 ColourOf(int label, IReadOnlyList<Color>? colours)
    {
        if (colours is not null)
            return colours[label].ToPixel<Rgb24>();
        // Past the end of the palette, wrap around the coloured entries (index 0, black, is the background only).
        int index = label < Palette.Count ? label : 1 + (label - 1) % (Palette.Count - 1);
        return Palette[index].ToPixel<Rgb24>();
    }
}
