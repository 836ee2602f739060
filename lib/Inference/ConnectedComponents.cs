using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>
/// Splits a binary mask into its separate objects (connected components): a first step from semantic
/// segmentation ("these pixels are lesion") towards instances ("these are lesion 1, lesion 2").
/// Each object pixel is flooded breadth-first from the first unlabelled pixel met in reading order,
/// so labels are numbered top to bottom, left to right by each object's first pixel.
/// </summary>
public static class ConnectedComponents
{
    /// <summary>Labels the objects of one mask (values above 0.5 are object) shaped [H, W], [1, H, W] or [1, 1, H, W].</summary>
    /// <param name="mask">The mask, on any device.</param>
    /// <param name="connectivity">
    /// <see cref="Connectivity.Eight"/> (default): pixels touching at a corner belong to the same object;
    /// <see cref="Connectivity.Four"/>: only pixels sharing a side do.
    /// </param>
    public static ComponentMap Label(Tensor mask, Connectivity connectivity = Connectivity.Eight) =>
        Label(BinaryMask.ToArray(mask), connectivity);

    /// <summary>Labels the objects of a managed mask <c>[y, x]</c>.</summary>
    public static ComponentMap Label(bool[,] mask, Connectivity connectivity = Connectivity.Eight)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int height = mask.GetLength(0), width = mask.GetLength(1);
        var steps = Neighbourhood.Steps(connectivity);
        var labels = new int[height, width];
        var sizes = new List<int>();
        var queue = new int[height * width]; // pixel indices y * width + x; each pixel enters at most once

        for (int startY = 0; startY < height; startY++)
            for (int startX = 0; startX < width; startX++)
            {
                if (!mask[startY, startX] || labels[startY, startX] != 0)
                    continue;
                int label = sizes.Count + 1;
                int head = 0, tail = 0;
                labels[startY, startX] = label;
                queue[tail++] = startY * width + startX;
                while (head < tail)
                {
                    int pixel = queue[head++];
                    int x = pixel % width, y = pixel / width;
                    foreach (var (dx, dy) in steps)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height || !mask[ny, nx] || labels[ny, nx] != 0)
                            continue;
                        labels[ny, nx] = label; // labelled when queued, so no pixel is queued twice
                        queue[tail++] = ny * width + nx;
                    }
                }
                sizes.Add(tail); // every pixel queued for this label belongs to it
            }
        return new ComponentMap(labels, sizes.ToArray());
    }
}

/// <summary>The result of <see cref="ConnectedComponents.Label(Tensor, Connectivity)"/>: a label per pixel and the size of each object.</summary>
public sealed class ComponentMap
{
    readonly int[] sizes;

    internal ComponentMap(int[,] labels, int[] sizes)
    {
        Labels = labels;
        this.sizes = sizes;
    }

    /// <summary>Label of each pixel, <c>[y, x]</c>: 0 for background, 1..<see cref="Count"/> for the objects.</summary>
    public int[,] Labels { get; }

    /// <summary>How many separate objects the mask has.</summary>
    public int Count => sizes.Length;

    /// <summary>Pixel count of each object: <c>Sizes[0]</c> is object 1's, <c>Sizes[Count - 1]</c> the last one's.</summary>
    public IReadOnlyList<int> Sizes => sizes;

    /// <summary>Height of the mask in pixels.</summary>
    public int Height => Labels.GetLength(0);

    /// <summary>Width of the mask in pixels.</summary>
    public int Width => Labels.GetLength(1);

    /// <summary>Pixel count of the object labelled <paramref name="label"/> (1..<see cref="Count"/>).</summary>
    public int SizeOf(int label)
    {
        CheckLabel(label);
        return sizes[label - 1];
    }

    /// <summary>The label of the largest object (the first of equals), or 0 when there is none.</summary>
    public int LargestLabel => Count == 0 ? 0 : Array.IndexOf(sizes, sizes.Max()) + 1;

    /// <summary>The labels as an Int64 tensor [H, W] (0 background, 1..Count objects), on the CPU.</summary>
    public Tensor ToTensor()
    {
        var values = new long[Height * Width];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                values[y * Width + x] = Labels[y, x];
        return tensor(values, [Height, Width]);
    }

    /// <summary>A float32 0/1 mask [H, W] of the object labelled <paramref name="label"/> alone, e.g. to keep only the largest.</summary>
    public Tensor MaskOf(int label)
    {
        CheckLabel(label);
        var mask = new bool[Height, Width];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
                mask[y, x] = Labels[y, x] == label;
        return BinaryMask.FromArray(mask);
    }

    void CheckLabel(int label)
    {
        if (label < 1 || label > Count)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"Object labels run from 1 to {Count} (0 is the background).");
    }
}
