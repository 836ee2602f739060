namespace Segmentation.Samples;

/// <summary>
/// Hairs over a generated dermoscopy picture. In real dermoscopy they are the commonest obstacle: thin dark curves,
/// from none to dozens, that cross the lesion and its border. They hide the pigment but not the lesion: the mask
/// under a hair stays lesion, so a network must learn to look through them.
/// </summary>
internal static class Hairs
{
    /// <summary>Paints the hairs and returns how much of each pixel they cover (0..1; all zero when there are none).</summary>
    public static float[] Paint(Canvas canvas, Random random, LesionShape lesion)
    {
        var coverage = new float[canvas.Width * canvas.Height];
        // About a third have no hair, most of the rest a few strands, some are hairy.
        double kind = random.NextDouble();
        if (kind < 0.35)
            return coverage;
        int hairs = kind < 0.8 ? random.Next(1, 9) : random.Next(12, 36);
        var colour = random.Chance(0.85)
            ? new Rgb(random.Range(25, 60), random.Range(18, 40), random.Range(12, 30))  // dark
            : new Rgb(random.Range(140, 190), random.Range(120, 160), random.Range(100, 140)); // fair or grey
        float thickness = random.Range(0.8f, 2.2f); // half width in pixels: one person's hairs are alike
        for (int hair = 0; hair < hairs; hair++)
        {
            // The first hair runs through the lesion; the others fall anywhere.
            float throughX, throughY;
            if (hair == 0)
                (throughX, throughY) = (lesion.CentreX + random.Range(-0.5f, 0.5f) * lesion.Extent, lesion.CentreY + random.Range(-0.5f, 0.5f) * lesion.Extent);
            else
                (throughX, throughY) = (random.Range(-50, canvas.Width + 50), random.Range(-50, canvas.Height + 50));
            float length = random.Range(250, 800), direction = random.Range(0, 2 * MathF.PI), bend = random.Range(-0.25f, 0.25f);
            float along = random.Range(0.2f, 0.8f); // where along the hair that point lies
            float startX = throughX - along * length * MathF.Cos(direction), startY = throughY - along * length * MathF.Sin(direction);
            Stroke(coverage, canvas.Width, canvas.Height, startX, startY, direction, length, bend, thickness * random.Range(0.75f, 1.25f));
        }
        for (int i = 0; i < coverage.Length; i++)
            if (coverage[i] > 0)
                canvas.Blend(i, colour, 0.92f * coverage[i]);
        return coverage;
    }

    /// <summary>A gently curved stroke: a quadratic Bezier curve from the start through a bent middle to the end, stamped as discs.</summary>
    static void Stroke(float[] coverage, int width, int height, float startX, float startY, float direction, float length, float bend, float halfWidth)
    {
        float endX = startX + length * MathF.Cos(direction), endY = startY + length * MathF.Sin(direction);
        float midX = (startX + endX) / 2 - bend * (endY - startY), midY = (startY + endY) / 2 + bend * (endX - startX);
        int samples = (int)(length / 0.7f);
        for (int s = 0; s <= samples; s++)
        {
            float t = (float)s / samples, a = (1 - t) * (1 - t), b = 2 * (1 - t) * t, c = t * t;
            // Hairs taper towards their tip.
            StampDisc(coverage, width, height, a * startX + b * midX + c * endX, a * startY + b * midY + c * endY, halfWidth * (1 - 0.5f * t));
        }
    }

    /// <summary>An anti-aliased disc into a coverage buffer (the maximum, so overlapping stamps do not add up).</summary>
    static void StampDisc(float[] coverage, int width, int height, float cx, float cy, float radius)
    {
        int left = Math.Max(0, (int)(cx - radius - 1)), right = Math.Min(width - 1, (int)(cx + radius + 1));
        int top = Math.Max(0, (int)(cy - radius - 1)), bottom = Math.Min(height - 1, (int)(cy + radius + 1));
        for (int y = top; y <= bottom; y++)
        for (int x = left; x <= right; x++)
        {
            float dx = x - cx, dy = y - cy;
            float cover = Math.Clamp(radius + 0.5f - MathF.Sqrt(dx * dx + dy * dy), 0, 1);
            int i = y * width + x;
            coverage[i] = MathF.Max(coverage[i], cover);
        }
    }
}
