namespace Segmentation.Augmentation;

/// <summary>
/// One image and its mask as plain float arrays, the form augmentation works on before tensors are made:
/// the image channel-first ([3, Height, Width]: all red, then all green, then all blue) in 0..1,
/// the mask [Height, Width] holding only 0 and 1.
/// </summary>
public sealed class ImageAndMask
{
    /// <summary>Wraps the arrays (not copied); their lengths must match the size.</summary>
    public ImageAndMask(float[] image, float[] mask, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (image.Length != 3 * width * height)
            throw new ArgumentException($"A {width}x{height} RGB image needs {3 * width * height} values, not {image.Length}.", nameof(image));
        if (mask.Length != width * height)
            throw new ArgumentException($"A {width}x{height} mask needs {width * height} values, not {mask.Length}.", nameof(mask));
        Image = image;
        Mask = mask;
        Width = width;
        Height = height;
    }

    /// <summary>The image, channel-first [3, Height, Width], values 0..1.</summary>
    public float[] Image { get; }

    /// <summary>The mask [Height, Width]: 1 for the object, 0 for the background.</summary>
    public float[] Mask { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixels in one channel (Width x Height).</summary>
    public int Plane => Width * Height;

    /// <summary>From RGB bytes stored row by row (height x width x 3) and mask bytes that are 0 or 1.</summary>
    public static ImageAndMask FromBytes(byte[] rgb, byte[] mask, int width, int height)
    {
        var image = new float[3 * width * height];
        WriteChannelFirst(rgb, image);
        var maskValues = new float[width * height];
        for (int p = 0; p < maskValues.Length; p++)
            maskValues[p] = mask[p] != 0 ? 1f : 0f;
        return new ImageAndMask(image, maskValues, width, height);
    }

    /// <summary>An independent copy, so that augmenting it leaves this one as it was.</summary>
    public ImageAndMask Clone() => new((float[])Image.Clone(), (float[])Mask.Clone(), Width, Height);

    /// <summary>
    /// Files store R,G,B per pixel (height x width x 3); models want all R, then all G, then all B, in 0..1.
    /// </summary>
    internal static void WriteChannelFirst(ReadOnlySpan<byte> rgb, Span<float> destination)
    {
        int plane = rgb.Length / 3;
        const float ToUnit = 1 / 255f;
        for (int p = 0; p < plane; p++)
        {
            destination[p] = rgb[3 * p] * ToUnit;
            destination[plane + p] = rgb[3 * p + 1] * ToUnit;
            destination[2 * plane + p] = rgb[3 * p + 2] * ToUnit;
        }
    }
}
