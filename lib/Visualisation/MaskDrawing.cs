using static TorchSharp.torch;

namespace Segmentation.Visualisation;

/// <summary>A disc for <see cref="MaskDrawing.Discs"/>: centre and radius in pixels.</summary>
/// <param name="X">Column of the centre (0 is the left edge).</param>
/// <param name="Y">Row of the centre (0 is the top edge).</param>
/// <param name="Radius">Radius in pixels.</param>
public readonly record struct Disc(double X, double Y, double Radius);

/// <summary>Masks drawn from simple shapes: made-up examples for the lessons, and markers to lay over pictures.</summary>
public static class MaskDrawing
{
    /// <summary>
    /// A 0/1 mask, float32 [1, height, width], that is 1 inside any of <paramref name="discs"/> (pixel centres
    /// at most a radius away from a disc's centre). Discs that overlap or touch make one region.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The height or width is below 1, or a radius is negative.</exception>
    public static Tensor Discs(int height, int width, params Disc[] discs)
    {
        if (height < 1 || width < 1)
            throw new ArgumentOutOfRangeException(height < 1 ? nameof(height) : nameof(width), "The mask needs at least one pixel each way.");
        ArgumentNullException.ThrowIfNull(discs);
        foreach (var disc in discs)
            if (!(disc.Radius >= 0))
                throw new ArgumentOutOfRangeException(nameof(discs), disc.Radius, "A disc's radius must be 0 or more.");
        var values = new float[height * width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                foreach (var disc in discs)
                {
                    double dx = x - disc.X, dy = y - disc.Y;
                    if (dx * dx + dy * dy <= disc.Radius * disc.Radius)
                    {
                        values[y * width + x] = 1f;
                        break;
                    }
                }
        return tensor(values, [1, height, width]);
    }
}
