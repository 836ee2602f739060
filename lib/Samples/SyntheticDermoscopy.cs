using Segmentation.Data;

namespace Segmentation.Samples;

/// <summary>
/// Paints one made-up dermoscopy picture and its lesion mask: skin with uneven tone and a darker
/// rim (the dermoscope's vignetting), an irregular brown lesion that is darker in its core, and a few hairs.
/// Works on plain float arrays (one per colour channel) because per-pixel image indexers are slow.
/// Not a medical model: just realistic enough that segmenting the lesion is a real task.
/// </summary>
internal sealed class SyntheticDermoscopy
{
    /// <summary>Width of a PH2 image in pixels.</summary>
    public const int Width = 768;

    /// <summary>Height of a PH2 image in pixels.</summary>
    public const int Height = 560;

    const int Pixels = Width * Height;

    readonly Random random;
    readonly Ph2Metadata row;
    readonly float[] red = new float[Pixels], green = new float[Pixels], blue = new float[Pixels];

    /// <summary>Lesion coordinate of each pixel: below 1 inside the lesion, 1 on its border.</summary>
    readonly float[] lesionDistance = new float[Pixels];

    /// <summary>Lesion centre and the farthest its border reaches from it, in pixels.</summary>
    float centreX, centreY, extent;

    SyntheticDermoscopy(Ph2Metadata row, int seed)
    {
        this.row = row;
        random = new Random(seed);
    }

    /// <summary>
    /// The picture as 24-bit RGB bytes (row by row) and the mask as 0/255 bytes.
    /// The same row and seed always give the same bytes.
    /// </summary>
    public static (byte[] Rgb, byte[] Mask) Paint(Ph2Metadata row, int seed)
    {
        var painter = new SyntheticDermoscopy(row, seed);
        painter.PaintSkin();
        painter.ShapeLesion();
        painter.PaintLesion();
        if (row.DotsGlobules != "A")
            painter.PaintDots();
        painter.PaintHairs();
        painter.Vignette();
        return (painter.ToRgbBytes(), painter.ToMaskBytes());
    }

    void PaintSkin()
    {
        // Skin tone varies per person: pinkish beige with a little red unevenness and grain.
        float r = Range(195, 238), g = r * Range(0.70f, 0.80f), b = g * Range(0.80f, 0.93f);
        var broad = SmoothNoise(90);
        var fine = SmoothNoise(20);
        var redness = SmoothNoise(60);
        var grain = new byte[Pixels];
        random.NextBytes(grain); // one call for all pixels: much faster than one random number per pixel
        for (int i = 0; i < Pixels; i++)
        {
            float tone = 1 + 0.05f * broad[i] + 0.025f * fine[i];
            float speckle = (grain[i] - 127.5f) * (7 / 255f);
            float blush = 10 * MathF.Max(0, redness[i]);
            red[i] = r * tone + speckle + blush;
            green[i] = g * tone + speckle - 0.4f * blush;
            blue[i] = b * tone + speckle - 0.2f * blush;
        }
    }

    void ShapeLesion()
    {
        // Border radius as a function of angle: a circle plus a few lobes and a fine ripple.
        // Melanomas get the most irregular borders, common nevi the roundest.
        float irregularity = row.Diagnosis switch
        {
            Ph2Diagnosis.Melanoma => 0.24f,
            Ph2Diagnosis.AtypicalNevus => 0.14f,
            _ => 0.06f,
        };
        const int Steps = 720;
        var radius = new float[Steps];
        Array.Fill(radius, 1f);
        for (int lobe = 2; lobe <= 7; lobe++)
            AddWave(radius, lobe, irregularity * Range(0.3f, 1f) / MathF.Pow(lobe - 1, 0.9f));
        // Fine ripple: every higher frequency a little, weaker as it gets finer, so no single one shows as cogs.
        for (int ripple = 8; ripple <= 40; ripple++)
            AddWave(radius, ripple, Range(0, 1) * (0.01f + 0.05f * irregularity) * 8 / ripple);
        for (int i = 0; i < Steps; i++)
            radius[i] = MathF.Max(radius[i], 0.45f);

        float size = row.Diagnosis switch
        {
            Ph2Diagnosis.Melanoma => Range(130, 250),
            Ph2Diagnosis.AtypicalNevus => Range(100, 220),
            _ => Range(80, 180),
        };
        float stretch = MathF.Sqrt(Range(0.75f, 1.3f)), angle = Range(0, MathF.PI);
        centreX = Width / 2f + Range(-0.12f, 0.12f) * Width;
        centreY = Height / 2f + Range(-0.12f, 0.12f) * Height;
        // Shrink the lesion until it fits inside the picture with a margin.
        float reach = radius.Max() * MathF.Max(stretch, 1 / stretch);
        float room = MathF.Min(MathF.Min(centreX, Width - centreX), MathF.Min(centreY, Height - centreY)) - 15;
        size = MathF.Min(size, room / reach);
        extent = size * reach;

        float cos = MathF.Cos(angle), sin = MathF.Sin(angle);
        float near = 1.1f * extent + 3; // covers the soft edge, which reaches a little beyond the border
        for (int y = 0; y < Height; y++)
        for (int x = 0; x < Width; x++)
        {
            float dx = x - centreX, dy = y - centreY;
            int i = y * Width + x;
            if (dx * dx + dy * dy > near * near)
            {
                lesionDistance[i] = 2; // far outside: skip the trigonometry
                continue;
            }
            // Rotate, then stretch into an ellipse, then compare with the border radius at that angle.
            float u = (dx * cos + dy * sin) / stretch, v = (-dx * sin + dy * cos) * stretch;
            float theta = MathF.Atan2(v, u) + MathF.PI;
            int step = (int)(theta / (2 * MathF.PI) * Steps) % Steps;
            lesionDistance[i] = MathF.Sqrt(u * u + v * v) / (size * radius[step]);
        }
    }

    void AddWave(float[] radius, int frequency, float amplitude)
    {
        float phase = Range(0, 2 * MathF.PI);
        for (int i = 0; i < radius.Length; i++)
            radius[i] += amplitude * MathF.Cos(frequency * (2 * MathF.PI * i / radius.Length) + phase);
    }

    void PaintLesion()
    {
        bool melanoma = row.Diagnosis == Ph2Diagnosis.Melanoma;
        bool atypical = row.Diagnosis == Ph2Diagnosis.AtypicalNevus;
        bool darkBrown = row.Colours.Contains(4), blueGray = row.Colours.Contains(5), black = row.Colours.Contains(6);
        // Light brown at the rim, dark brown (lighter without colour code 4) in a core that sits
        // off-centre in asymmetric lesions. Blue-gray (5) and black (6) patches follow the colour codes.
        float[] rim = [Range(160, 185), Range(100, 120), Range(62, 80)];
        float[] core = darkBrown
            ? [Range(75, 100), Range(42, 58), Range(26, 38)]
            : [Range(120, 140), Range(75, 90), Range(48, 60)];
        float[] blueGrayColour = [108, 112, 128], blackColour = [34, 27, 27];
        float coreSize = Range(0.55f, 0.85f) * extent;
        float coreX = centreX + Range(-1, 1) * row.Asymmetry * 0.15f * extent;
        float coreY = centreY + Range(-1, 1) * row.Asymmetry * 0.15f * extent;
        float softness = melanoma ? 0.08f : atypical ? 0.05f : 0.03f;
        // The pigment network: a honeycomb of darker lines, wider and more uneven when atypical.
        var network = new PigmentNetwork(random, row.PigmentNetwork == "AT" ? 20 : 15, row.PigmentNetwork == "AT" ? 5f : 3.5f);
        float networkStrength = row.PigmentNetwork == "AT" ? 0.2f : 0.1f;
        float blotchStrength = melanoma ? 0.2f : atypical ? 0.12f : 0.06f;
        var blotches = SmoothNoise(28);
        var patches = SmoothNoise(45);

        for (int y = 0; y < Height; y++)
        for (int x = 0; x < Width; x++)
        {
            int i = y * Width + x;
            float d = lesionDistance[i];
            if (d > 1 + softness)
                continue;
            float dx = x - coreX, dy = y - coreY;
            float depth = SmoothStep(0, 1, 1 - MathF.Sqrt(dx * dx + dy * dy) / coreSize);
            float shade = 1 - networkStrength * network.LineAt(x, y) + blotchStrength * blotches[i];
            float cr = Lerp(rim[0], core[0], depth) * shade;
            float cg = Lerp(rim[1], core[1], depth) * shade;
            float cb = Lerp(rim[2], core[2], depth) * shade;
            if (blueGray && d < 0.85f)
                (cr, cg, cb) = Mix(cr, cg, cb, blueGrayColour, 0.65f * SmoothStep(0.15f, 0.6f, patches[i]));
            if (black)
                (cr, cg, cb) = Mix(cr, cg, cb, blackColour, 0.85f * SmoothStep(0.3f, 0.6f, blotches[i]) * depth);
            // Soft edge: half-way between skin and lesion exactly where the mask's border is (d = 1).
            float alpha = SmoothStep(1 + softness, 1 - softness, d);
            red[i] = Lerp(red[i], cr, alpha);
            green[i] = Lerp(green[i], cg, alpha);
            blue[i] = Lerp(blue[i], cb, alpha);
        }
    }

    void PaintDots()
    {
        // Dots and globules: small dark discs scattered inside the lesion.
        float[] colour = [Range(55, 80), Range(32, 45), Range(22, 32)];
        var coverage = new float[Pixels];
        int count = random.Next(8, 30);
        for (int placed = 0, tries = 0; placed < count && tries < 1000; tries++)
        {
            float x = centreX + Range(-1, 1) * extent, y = centreY + Range(-1, 1) * extent;
            int i = (int)y * Width + (int)x;
            if (x < 0 || y < 0 || x >= Width || y >= Height || lesionDistance[i] > 0.9f)
                continue;
            StampDisc(coverage, x, y, Range(1.5f, 4f));
            placed++;
        }
        Blend(coverage, colour, 0.85f);
    }

    void PaintHairs()
    {
        // About a third of the images have no hair; the others a few strokes of one hair colour.
        if (random.NextDouble() < 0.35)
            return;
        float[] colour = [Range(25, 60), Range(18, 40), Range(12, 30)];
        var coverage = new float[Pixels];
        int hairs = random.Next(1, 9);
        for (int hair = 0; hair < hairs; hair++)
        {
            // A gently curved stroke: a quadratic Bezier curve from start through a bent middle to the end.
            float length = Range(200, 700), direction = Range(0, 2 * MathF.PI), bend = Range(-0.25f, 0.25f);
            float startX = Range(-50, Width + 50), startY = Range(-50, Height + 50);
            float endX = startX + length * MathF.Cos(direction), endY = startY + length * MathF.Sin(direction);
            float midX = (startX + endX) / 2 - bend * (endY - startY), midY = (startY + endY) / 2 + bend * (endX - startX);
            float halfWidth = Range(0.7f, 1.4f);
            int samples = (int)(length / 0.7f);
            for (int s = 0; s <= samples; s++)
            {
                float t = (float)s / samples, a = (1 - t) * (1 - t), b = 2 * (1 - t) * t, c = t * t;
                StampDisc(coverage, a * startX + b * midX + c * endX, a * startY + b * midY + c * endY, halfWidth);
            }
        }
        Blend(coverage, colour, 0.92f);
    }

    void Vignette()
    {
        // Dermoscopes light the centre best: darken towards the corners, and in some images
        // show the dark circular edge of the lens.
        float strength = Range(0.25f, 0.7f), start = Range(0.45f, 0.7f);
        bool lensEdge = random.NextDouble() < 0.35;
        float halfDiagonal = MathF.Sqrt(Width * Width + Height * Height) / 2, lensRadius = Range(0.88f, 0.98f) * halfDiagonal;
        for (int y = 0; y < Height; y++)
        for (int x = 0; x < Width; x++)
        {
            float dx = x - Width / 2f, dy = y - Height / 2f, distance = MathF.Sqrt(dx * dx + dy * dy);
            float factor = 1 - strength * SmoothStep(start, 1.05f, distance / halfDiagonal);
            if (lensEdge)
                factor *= Lerp(0.08f, 1, SmoothStep(lensRadius + 12, lensRadius - 12, distance));
            int i = y * Width + x;
            red[i] *= factor;
            green[i] *= factor;
            blue[i] *= factor;
        }
    }

    /// <summary>Anti-aliased disc into a coverage buffer (the maximum, so overlapping stamps do not add up).</summary>
    static void StampDisc(float[] coverage, float cx, float cy, float radius)
    {
        int left = Math.Max(0, (int)(cx - radius - 1)), right = Math.Min(Width - 1, (int)(cx + radius + 1));
        int top = Math.Max(0, (int)(cy - radius - 1)), bottom = Math.Min(Height - 1, (int)(cy + radius + 1));
        for (int y = top; y <= bottom; y++)
        for (int x = left; x <= right; x++)
        {
            float dx = x - cx, dy = y - cy;
            float cover = Math.Clamp(radius + 0.5f - MathF.Sqrt(dx * dx + dy * dy), 0, 1);
            int i = y * Width + x;
            coverage[i] = MathF.Max(coverage[i], cover);
        }
    }

    void Blend(float[] coverage, float[] colour, float opacity)
    {
        for (int i = 0; i < Pixels; i++)
        {
            float a = coverage[i] * opacity;
            if (a <= 0)
                continue;
            red[i] = Lerp(red[i], colour[0], a);
            green[i] = Lerp(green[i], colour[1], a);
            blue[i] = Lerp(blue[i], colour[2], a);
        }
    }

    /// <summary>
    /// A net of lines around random cells (the borders of Worley noise): a pixel is on a line when
    /// its two nearest cell centres are about equally far away.
    /// </summary>
    sealed class PigmentNetwork
    {
        readonly int cell, columns;
        readonly float lineWidth;
        readonly float[] centreX, centreY;

        public PigmentNetwork(Random random, int cell, float lineWidth)
        {
            this.cell = cell;
            this.lineWidth = lineWidth;
            columns = Width / cell + 1;
            int rows = Height / cell + 1;
            centreX = new float[columns * rows];
            centreY = new float[columns * rows];
            // One centre at a random place in each grid cell.
            for (int row = 0; row < rows; row++)
            for (int column = 0; column < columns; column++)
            {
                centreX[row * columns + column] = (column + random.NextSingle()) * cell;
                centreY[row * columns + column] = (row + random.NextSingle()) * cell;
            }
        }

        /// <summary>1 on a line, fading to 0 within <see cref="lineWidth"/> pixels of it.</summary>
        public float LineAt(int x, int y)
        {
            float nearest = float.MaxValue, second = float.MaxValue;
            int column = x / cell, row = y / cell, rows = centreX.Length / columns;
            for (int r = Math.Max(0, row - 1); r <= Math.Min(rows - 1, row + 1); r++)
            for (int c = Math.Max(0, column - 1); c <= Math.Min(columns - 1, column + 1); c++)
            {
                float dx = centreX[r * columns + c] - x, dy = centreY[r * columns + c] - y;
                float distance = dx * dx + dy * dy;
                if (distance < nearest)
                    (second, nearest) = (nearest, distance);
                else if (distance < second)
                    second = distance;
            }
            return 1 - SmoothStep(0, lineWidth, MathF.Sqrt(second) - MathF.Sqrt(nearest));
        }
    }

    /// <summary>Smooth random field in -1..1 whose blobs are about <paramref name="cell"/> pixels across.</summary>
    float[] SmoothNoise(int cell)
    {
        // Value noise: random values on a coarse grid, smoothly interpolated in between.
        int columns = Width / cell + 2, rows = Height / cell + 2;
        var grid = new float[columns * rows];
        for (int i = 0; i < grid.Length; i++)
            grid[i] = Range(-1, 1);
        // First along each grid line, for every x; then each pixel only blends the two lines around it.
        var lines = new float[rows * Width];
        for (int row = 0; row < rows; row++)
        for (int x = 0; x < Width; x++)
        {
            int g = row * columns + x / cell;
            lines[row * Width + x] = Lerp(grid[g], grid[g + 1], SmoothStep(0, 1, (float)(x % cell) / cell));
        }
        var field = new float[Pixels];
        for (int y = 0; y < Height; y++)
        {
            var upper = lines.AsSpan(y / cell * Width, Width);
            var lower = lines.AsSpan((y / cell + 1) * Width, Width);
            var target = field.AsSpan(y * Width, Width);
            float ty = SmoothStep(0, 1, (float)(y % cell) / cell);
            for (int x = 0; x < Width; x++)
                target[x] = Lerp(upper[x], lower[x], ty);
        }
        return field;
    }

    byte[] ToRgbBytes()
    {
        var bytes = new byte[Pixels * 3];
        for (int i = 0; i < Pixels; i++)
        {
            bytes[3 * i] = ToByte(red[i]);
            bytes[3 * i + 1] = ToByte(green[i]);
            bytes[3 * i + 2] = ToByte(blue[i]);
        }
        return bytes;
    }

    byte[] ToMaskBytes()
    {
        var bytes = new byte[Pixels];
        for (int i = 0; i < Pixels; i++)
            bytes[i] = lesionDistance[i] < 1 ? (byte)255 : (byte)0;
        return bytes;
    }

    float Range(float low, float high) => low + (high - low) * random.NextSingle();

    static (float R, float G, float B) Mix(float r, float g, float b, float[] colour, float amount) =>
        (Lerp(r, colour[0], amount), Lerp(g, colour[1], amount), Lerp(b, colour[2], amount));

    static float Lerp(float from, float to, float amount) => from + (to - from) * amount;

    static float SmoothStep(float edge0, float edge1, float x)
    {
        float t = Math.Clamp((x - edge0) / (edge1 - edge0), 0, 1);
        return t * t * (3 - 2 * t);
    }

    static byte ToByte(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
}
