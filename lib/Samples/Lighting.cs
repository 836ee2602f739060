namespace Segmentation.Samples;

/// <summary>
/// How a camera's light and optics change a whole picture: exposure, white balance (some pictures warmer, some
/// cooler or greenish, as different dermoscopes and cameras record the same skin), light falling more on one side,
/// and on some pictures a slightly missed focus that blurs every border.
/// </summary>
internal static class Lighting
{
    public static void Paint(Canvas canvas, Random random)
    {
        float exposure = random.Range(0.82f, 1.12f);
        float red = exposure * random.Range(0.92f, 1.08f), green = exposure * random.Range(0.93f, 1.06f), blue = exposure * random.Range(0.88f, 1.12f);
        float slope = random.Range(-0.18f, 0.18f), angle = random.Range(0, 2 * MathF.PI);
        float cos = MathF.Cos(angle), sin = MathF.Sin(angle);
        int width = canvas.Width, height = canvas.Height;
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            // Brighter on one side, darker on the other, by up to a sixth.
            float across = ((x - width / 2f) * cos + (y - height / 2f) * sin) / width;
            float light = 1 + slope * 2 * across;
            int i = y * width + x;
            canvas.Red[i] *= red * light;
            canvas.Green[i] *= green * light;
            canvas.Blue[i] *= blue * light;
        }
        if (random.Chance(0.25))
            canvas.Blur(random.Next(2, 5), passes: 2);
    }
}
