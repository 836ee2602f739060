namespace Segmentation.Samples;

/// <summary>
/// Air bubbles in the immersion gel or oil between the dermoscope's glass and the skin: round, with a thin dark
/// rim where the light bends, a bright reflection on one side and a slightly lighter inside. They sit on the skin
/// and on the lesion alike, and change neither the lesion nor its mask.
/// </summary>
internal static class GelBubbles
{
    public static void Paint(Canvas canvas, Random random)
    {
        if (!random.Chance(0.3))
            return;
        int count = random.Chance(0.3) ? random.Next(6, 16) : random.Next(1, 5);
        // Bubbles gather where the gel was spread thinnest: around one spot.
        float spotX = random.Range(0, canvas.Width), spotY = random.Range(0, canvas.Height), spread = random.Range(60, 300);
        float lightAngle = random.Range(0, 2 * MathF.PI);
        for (int b = 0; b < count; b++)
        {
            float cx = spotX + random.Range(-1, 1) * spread, cy = spotY + random.Range(-1, 1) * spread;
            float radius = random.Chance(0.7) ? random.Range(5, 22) : random.Range(22, 60);
            float rimWidth = MathF.Max(1.2f, 0.08f * radius);
            float glintX = cx + 0.55f * radius * MathF.Cos(lightAngle), glintY = cy + 0.55f * radius * MathF.Sin(lightAngle);
            float glintRadius = MathF.Max(1.5f, 0.22f * radius);
            canvas.Shape(cx - radius, cy - radius, cx + radius, cy + radius,
                (x, y) => MathF.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - radius,
                (i, cover, d) =>
                {
                    int x = i % canvas.Width, y = i / canvas.Width;
                    // Lighter inside, a dark ring at the edge, a white glint towards the light.
                    float ring = PaintMath.SmoothStep(-2.5f * rimWidth, -0.3f * rimWidth, d);
                    canvas.Blend(i, new Rgb(255, 255, 255), 0.12f * cover * (1 - ring));
                    canvas.Blend(i, new Rgb(40, 35, 35), 0.55f * cover * ring);
                    float glint = MathF.Sqrt((x - glintX) * (x - glintX) + (y - glintY) * (y - glintY)) - glintRadius;
                    canvas.Blend(i, new Rgb(255, 255, 250), 0.85f * PaintMath.SmoothStep(1, -1, glint));
                });
        }
    }
}
