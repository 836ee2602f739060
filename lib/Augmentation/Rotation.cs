

namespace Segmentation.Augmentation;

/// <summary>
/// Turns an image and its mask by the same angle about the centre. Both are sampled through the same
/// mapping (bilinear, edges repeated outwards), so they stay aligned; the mask is thresholded at one half
/// afterwards, so it still holds only 0 and 1.
/// </summary>
public static class Rotation
{
    /// <summary>Rotates image and mask by <paramref name="degrees"/> (positive: clockwise on screen), in place.</summary>
    public static void Rotate(ImageAndMask example, float degrees)
    {
        if (degrees == 0)
            return;
        int width = example.Width, height = example.Height, plane = example.Plane;
        float radians = degrees * MathF.PI / 180, cos = MathF.Cos(radians), sin = MathF.Sin(radians);
        float centreX = (width - 1) / 2f, centreY = (height - 1) / 2f;
        var image = new float[example.Image.Length];
        var mask = new float[plane];
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            // Each output pixel looks up where it came from: the inverse rotation of its position.
            float dx = x - centreX, dy = y - centreY;
            float sourceX = cos * dx + sin * dy + centreX, sourceY = -sin * dx + cos * dy + centreY;
            int p = y * width + x;
            for (int channel = 0; channel < 3; channel++)
                image[channel * plane + p] = Sample(example.Image, channel * plane, width, height, sourceX, sourceY);
            mask[p] = Sample(example.Mask, 0, width, height, sourceX, sourceY) >= 0.5f ? 1f : 0f;
        }
        image.CopyTo(example.Image, 0);
        mask.CopyTo(example.Mask, 0);
    }

    /// <summary>Bilinear interpolation between the four pixels around (x, y), clamped to the picture.</summary>
    static float Sample(float[] values, int offset, int width, int height, float x, float y)
    {
        x = Math.Clamp(x, 0, width - 1);
        y = Math.Clamp(y, 0, height - 1);
        int left = (int)x, top = (int)y;
        int right = Math.Min(left + 1, width - 1), bottom = Math.Min(top + 1, height - 1);
        float fx = x - left, fy = y - top;
        float upper = values[offset + top * width + left] * (1 - fx) + values[offset + top * width + right] * fx;
        float lower = values[offset + bottom * width + left] * (1 - fx) + values[offset + bottom * width + right] * fx;
        return upper * (1 - fy) + lower * fy;
    }
}
