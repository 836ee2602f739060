namespace Segmentation.Samples;

/// <summary>
/// The skin around a generated lesion, as a dermoscope sees it: a tone that differs from person to person (fair and
/// pink to olive and light brown, so a light-brown nevus stands out clearly on some and barely on others), broad
/// unevenness, patches of redness, fine grain, and on some people freckles: small faint brown spots that are
/// not the lesion and are not in its mask.
/// </summary>
internal static class Skin
{
    /// <summary>Paints the skin over the whole canvas and returns its base colour.</summary>
    public static Rgb Paint(Canvas canvas, Random random)
    {
        // Fair skin is pink-beige; darker skin is browner and less red than fair skin.
        float darkness = random.Chance(0.3) ? random.Range(0.3f, 1) : random.Range(0, 0.3f);
        float r = PaintMath.Lerp(238, 170, darkness), g = r * PaintMath.Lerp(random.Range(0.7f, 0.8f), 0.68f, darkness);
        float b = g * PaintMath.Lerp(random.Range(0.8f, 0.93f), 0.72f, darkness);
        var tone = new Rgb(r, g, b);
        int width = canvas.Width, height = canvas.Height;
        var broad = ValueNoise.Field(random, width, height, 90);
        var fine = ValueNoise.Field(random, width, height, 20);
        var redness = ValueNoise.Field(random, width, height, 60);
        float blushStrength = random.Range(4, 22);
        for (int i = 0; i < width * height; i++)
        {
            float shade = 1 + 0.05f * broad[i] + 0.025f * fine[i];
            float blush = blushStrength * MathF.Max(0, redness[i]);
            canvas.Red[i] = r * shade + blush;
            canvas.Green[i] = g * shade - 0.4f * blush;
            canvas.Blue[i] = b * shade - 0.2f * blush;
        }
        canvas.AddGrain(random, 3.5f);
        return tone;
    }

    /// <summary>
    /// Freckles on some people: faint brown spots, a few pixels to a few tens across, kept off the lesion itself.
    /// A network that only learned "brown is lesion" marks them; keeping the largest region removes them again.
    /// </summary>
    public static void PaintFreckles(Canvas canvas, Random random, LesionShape lesion, Rgb skin)
    {
        if (!random.Chance(0.35))
            return;
        int count = random.Next(3, 25);
        for (int placed = 0, tries = 0; placed < count && tries < 200; tries++)
        {
            float x = random.Range(0, canvas.Width), y = random.Range(0, canvas.Height), radius = random.Range(4, 18);
            if (lesion.Distance[(int)y * canvas.Width + (int)x] < 1.4f)
                continue;
            float depth = random.Range(0.12f, 0.4f); // how much darker than the skin around it
            var brown = new Rgb(skin.R * (1 - depth), skin.G * (1 - 1.25f * depth), skin.B * (1 - 1.4f * depth));
            // Soft-edged: full colour in the middle, fading over the outer half.
            canvas.Shape(x - radius, y - radius, x + radius, y + radius,
                (px, py) => MathF.Sqrt((px - x) * (px - x) + (py - y) * (py - y)) - radius,
                (i, _, d) => canvas.Blend(i, brown, 0.8f * PaintMath.SmoothStep(0, -0.5f * radius, d)));
            placed++;
        }
    }
}
