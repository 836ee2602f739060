

namespace Segmentation.Augmentation;

/// <summary>Mirror images: the image and its mask are always flipped together, so they stay aligned.</summary>
public static class Flips
{
    /// <summary>Mirrors left and right, in place: image and mask.</summary>
    public static void Horizontal(ImageAndMask example)
    {
        int width = example.Width, height = example.Height;
        for (int channel = 0; channel < 3; channel++)
            for (int y = 0; y < height; y++)
                example.Image.AsSpan((channel * height + y) * width, width).Reverse();
        for (int y = 0; y < height; y++)
            example.Mask.AsSpan(y * width, width).Reverse();
    }

    /// <summary>Mirrors top and bottom, in place: image and mask.</summary>
    public static void Vertical(ImageAndMask example)
    {
        int width = example.Width, height = example.Height;
        var row = new float[width];
        void SwapRows(float[] values, int offset)
        {
            for (int top = 0, bottom = height - 1; top < bottom; top++, bottom--)
            {
                var upper = values.AsSpan(offset + top * width, width);
                var lower = values.AsSpan(offset + bottom * width, width);
                upper.CopyTo(row);
                lower.CopyTo(upper);
                row.CopyTo(lower);
            }
        }
        for (int channel = 0; channel < 3; channel++)
            SwapRows(example.Image, channel * example.Plane);
        SwapRows(example.Mask, 0);
    }
}
