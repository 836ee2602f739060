namespace Segmentation.Samples;

/// <summary>
/// The dermoscope's own marks on a picture: it lights the centre best, so the picture darkens towards the corners,
/// and in many pictures the round field of view of the lens shows as black corners. Those corners are darker than
/// any lesion and sit at the picture's edge: a network must learn that dark is not enough.
/// </summary>
internal static class Vignette
{
    public static void Paint(Canvas canvas, Random random)
    {
        int width = canvas.Width, height = canvas.Height;
        float strength = random.Range(0.2f, 0.65f), start = random.Range(0.4f, 0.7f);
        bool lensEdge = random.Chance(0.5);
        float halfDiagonal = MathF.Sqrt(width * width + height * height) / 2;
        // The lens circle is not always centred, and its edge is sharper on some dermoscopes than on others.
        float lensRadius = random.Range(0.74f, 0.98f) * halfDiagonal, edge = random.Range(6, 30);
        float lensX = width / 2f + random.Range(-40, 40), lensY = height / 2f + random.Range(-30, 30);
        float black = random.Range(0.02f, 0.15f);
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            float dx = x - width / 2f, dy = y - height / 2f, distance = MathF.Sqrt(dx * dx + dy * dy);
            float factor = 1 - strength * PaintMath.SmoothStep(start, 1.05f, distance / halfDiagonal);
            if (lensEdge)
            {
                float lx = x - lensX, ly = y - lensY, fromLens = MathF.Sqrt(lx * lx + ly * ly);
                factor *= PaintMath.Lerp(black, 1, PaintMath.SmoothStep(lensRadius + edge, lensRadius - edge, fromLens));
            }
            int i = y * width + x;
            canvas.Red[i] *= factor;
            canvas.Green[i] *= factor;
            canvas.Blue[i] *= factor;
        }
    }
}
