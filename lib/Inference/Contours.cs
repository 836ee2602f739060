using static TorchSharp.torch;

namespace Segmentation.Inference;

/// <summary>
/// The outline of a mask: the object pixels that touch the background, to draw on top of an image
/// (e.g. <c>Picture.Overlay(image, Contours.BoundaryMask(mask))</c>). Pixels on the image's edge count
/// as touching the background, so an object cut by the edge has a closed outline.
/// </summary>
public static class Contours
{
    /// <summary>
    /// Boundary pixels of <paramref name="mask"/> (values above 0.5 are object) as a float32 0/1 tensor of the
    /// same shape, on the CPU.
    /// </summary>
    /// <param name="mask">One mask, [H, W], [1, H, W] or [1, 1, H, W].</param>
    /// <param name="neighbours">
    /// Which background neighbours make a pixel a boundary pixel: <see cref="Connectivity.Four"/> (default) gives a
    /// thin outline (its pixels touch at corners), <see cref="Connectivity.Eight"/> a thicker one (they touch at sides).
    /// </param>
    public static Tensor BoundaryMask(Tensor mask, Connectivity neighbours = Connectivity.Four)
    {
        var boundary = Boundary(BinaryMask.ToArray(mask), neighbours);
        using var flat = BinaryMask.FromArray(boundary);
        return flat.reshape(mask.shape);
    }

    /// <summary>Boundary pixels of <paramref name="mask"/> as (X, Y) points, row by row from the top left (not traced around the shape).</summary>
    /// <param name="mask">One mask, [H, W], [1, H, W] or [1, 1, H, W].</param>
    /// <param name="neighbours">See <see cref="BoundaryMask"/>.</param>
    public static IReadOnlyList<(int X, int Y)> BoundaryPoints(Tensor mask, Connectivity neighbours = Connectivity.Four)
    {
        var boundary = Boundary(BinaryMask.ToArray(mask), neighbours);
        var points = new List<(int X, int Y)>();
        for (int y = 0; y < boundary.GetLength(0); y++)
            for (int x = 0; x < boundary.GetLength(1); x++)
                if (boundary[y, x])
                    points.Add((x, y));
        return points;
    }

    /// <summary>Boundary of a managed mask <c>[y, x]</c>: object pixels with a background (or outside) neighbour.</summary>
    public static bool[,] Boundary(bool[,] mask, Connectivity neighbours = Connectivity.Four)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int height = mask.GetLength(0), width = mask.GetLength(1);
        var steps = Neighbourhood.Steps(neighbours);
        var boundary = new bool[height, width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                if (!mask[y, x])
                    continue;
                foreach (var (dx, dy) in steps)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height || !mask[ny, nx])
                    {
                        boundary[y, x] = true;
                        break;
                    }
                }
            }
        return boundary;
    }
}
