using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>
/// Heatmaps drawn big enough to see: each pixel enlarged to a square, values 0..1 in a black-red-yellow-white
/// scale ("hot"), alone or laid over the image.
/// </summary>
public static class HeatmapPictures
{
    /// <summary>One heatmap [H, W] (or [1, H, W]) of values 0..1, enlarged <paramref name="zoom"/> times.</summary>
    public static Picture Of(Tensor heatmap, int zoom = 4)
    {
        var (values, height, width) = Read(heatmap);
        var rgb = new float[3 * height * width];
        for (int p = 0; p < values.Length; p++)
        {
            var (r, g, b) = Hot(values[p]);
            (rgb[p], rgb[height * width + p], rgb[2 * height * width + p]) = (r, g, b);
        }
        return Enlarge(rgb, height, width, zoom);
    }

    /// <summary>
    /// The image [3, H, W] dimmed, with the heatmaps laid over it: one [H, W], or several [J, H, W] shown together
    /// (the largest value at each pixel), each pixel as opaque as its value is large. Enlarged <paramref name="zoom"/> times.
    /// </summary>
    public static Picture OverImage(Tensor image, Tensor heatmaps, int zoom = 4)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(heatmaps);
        using var scope = NewDisposeScope();
        var strongest = heatmaps.dim() == 3 ? heatmaps.detach().amax([0]) : heatmaps.detach();
        var (values, height, width) = Read(strongest);
        var pixels = image.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        if (pixels.Length != 3 * height * width)
            throw new ArgumentException($"The image [{string.Join(", ", image.shape)}] and the heatmaps ({width}x{height}) differ in size.", nameof(heatmaps));
        var rgb = new float[3 * height * width];
        for (int p = 0; p < values.Length; p++)
        {
            float a = Math.Clamp(values[p], 0, 1);
            var (r, g, b) = Hot(a);
            int plane = height * width;
            rgb[p] = pixels[p] * 0.5f * (1 - a) + r * a;
            rgb[plane + p] = pixels[plane + p] * 0.5f * (1 - a) + g * a;
            rgb[2 * plane + p] = pixels[2 * plane + p] * 0.5f * (1 - a) + b * a;
        }
        return Enlarge(rgb, height, width, zoom);
    }

    static (float R, float G, float B) Hot(float value)
    {
        float t = Math.Clamp(value, 0, 1);
        return (Math.Clamp(3 * t, 0, 1), Math.Clamp(3 * t - 1, 0, 1), Math.Clamp(3 * t - 2, 0, 1));
    }

    static (float[] Values, int Height, int Width) Read(Tensor heatmap)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        if (heatmap.dim() is not (2 or 3) || heatmap.dim() == 3 && heatmap.shape[0] != 1)
            throw new ArgumentException($"Expected one heatmap [H, W] or [1, H, W], got [{string.Join(", ", heatmap.shape)}].", nameof(heatmap));
        int height = (int)heatmap.shape[^2], width = (int)heatmap.shape[^1];
        return (heatmap.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray(), height, width);
    }

    static Picture Enlarge(float[] rgb, int height, int width, int zoom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(zoom, 1);
        int bigH = height * zoom, bigW = width * zoom;
        var big = new float[3 * bigH * bigW];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < bigH; y++)
                for (int x = 0; x < bigW; x++)
                    big[(c * bigH + y) * bigW + x] = rgb[(c * height + y / zoom) * width + x / zoom];
        return Picture.FromImageTensor(tensor(big).reshape(3, bigH, bigW));
    }
}
