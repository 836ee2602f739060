

namespace Segmentation.Augmentation;

/// <summary>
/// Changes brightness, contrast and saturation of the image only: colour says nothing about where the
/// object is, so the mask stays as it is. Values are kept in 0..1.
/// </summary>
public static class ColourJitter
{
    /// <summary>
    /// Multiplies brightness by <paramref name="brightness"/>, stretches contrast around the mean gray by
    /// <paramref name="contrast"/> and saturation around each pixel's gray by <paramref name="saturation"/>
    /// (1 leaves each as it is), in place.
    /// </summary>
    public static void Apply(ImageAndMask example, float brightness, float contrast, float saturation)
    {
        var image = example.Image;
        int plane = example.Plane;
        double graySum = 0;
        for (int p = 0; p < plane; p++)
            graySum += Gray(image, plane, p);
        float meanGray = (float)(graySum / plane) * brightness;

        for (int p = 0; p < plane; p++)
        {
            float r = image[p] * brightness, g = image[plane + p] * brightness, b = image[2 * plane + p] * brightness;
            float gray = 0.299f * r + 0.587f * g + 0.114f * b;
            image[p] = Adjust(r, gray);
            image[plane + p] = Adjust(g, gray);
            image[2 * plane + p] = Adjust(b, gray);
        }

        float Adjust(float value, float gray)
        {
            float saturated = gray + (value - gray) * saturation;
            return Math.Clamp(meanGray + (saturated - meanGray) * contrast, 0, 1);
        }
    }

    static float Gray(float[] image, int plane, int p) =>
        0.299f * image[p] + 0.587f * image[plane + p] + 0.114f * image[2 * plane + p];
}
