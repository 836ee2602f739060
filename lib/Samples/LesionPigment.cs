using Segmentation.Data;

namespace Segmentation.Samples;

/// <summary>
/// Paints a generated lesion's pigment following its PH2 row: light brown at the rim and dark brown in a core that
/// sits off-centre in asymmetric lesions, a pigment network, blotches, blue-gray and black patches (colour codes 5
/// and 6), pale regression areas, dots and globules. Like real lesions, some are faint (barely darker than the skin
/// around them) and many have fuzzy borders that fade over a wide band, sharper on one side than the other.
/// </summary>
internal static class LesionPigment
{
    public static void Paint(Canvas canvas, Random random, Ph2Metadata row, LesionShape lesion, Rgb skin)
    {
        bool melanoma = row.Diagnosis == Ph2Diagnosis.Melanoma, atypical = row.Diagnosis == Ph2Diagnosis.AtypicalNevus;
        bool darkBrown = row.Colours.Contains(4), blueGray = row.Colours.Contains(5), black = row.Colours.Contains(6);
        bool regression = row.RegressionAreas == "P";
        var rim = new Rgb(random.Range(150, 185), random.Range(92, 120), random.Range(58, 80));
        var core = darkBrown
            ? new Rgb(random.Range(70, 100), random.Range(40, 58), random.Range(24, 38))
            : new Rgb(random.Range(115, 140), random.Range(70, 90), random.Range(45, 60));
        var blueGrayColour = new Rgb(108, 112, 128);
        var blackColour = new Rgb(34, 27, 27);
        var scar = Rgb.Lerp(skin, new Rgb(235, 225, 225), 0.35f); // regression: whitish, scar-like, close to the skin

        // Faint lesions: the rim lets most of the skin through, only the core is clearly pigmented.
        float rimOpacity = lesion.Faint ? random.Range(0.2f, 0.45f) : random.Range(0.7f, 1);
        float coreSize = random.Range(0.5f, 0.85f) * lesion.Extent;
        float coreX = lesion.CentreX + random.Range(-1, 1) * row.Asymmetry * 0.15f * lesion.Extent;
        float coreY = lesion.CentreY + random.Range(-1, 1) * row.Asymmetry * 0.15f * lesion.Extent;
        // The pigment network: a honeycomb of darker lines, wider and more uneven when atypical.
        var network = new PigmentNetwork(random, canvas.Width, canvas.Height, row.PigmentNetwork == "AT" ? 20 : 15, row.PigmentNetwork == "AT" ? 5f : 3.5f);
        float networkStrength = row.PigmentNetwork == "AT" ? 0.2f : 0.1f;
        float blotchStrength = melanoma ? 0.2f : atypical ? 0.12f : 0.06f;
        int width = canvas.Width, height = canvas.Height;
        var blotches = ValueNoise.Field(random, width, height, 28);
        var patches = ValueNoise.Field(random, width, height, 45);

        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            int i = y * width + x;
            float soft = lesion.Softness[i];
            float d = lesion.EdgeDistance[i];
            if (d > 1 + soft)
                continue;
            float dx = x - coreX, dy = y - coreY;
            float depth = PaintMath.SmoothStep(0, 1, 1 - MathF.Sqrt(dx * dx + dy * dy) / coreSize);
            float shade = 1 - networkStrength * network.LineAt(x, y) + blotchStrength * blotches[i];
            var colour = Rgb.Lerp(rim, core, depth) * shade;
            if (blueGray && d < 0.85f)
                colour = Rgb.Lerp(colour, blueGrayColour, 0.65f * PaintMath.SmoothStep(0.15f, 0.6f, patches[i]));
            if (black)
                colour = Rgb.Lerp(colour, blackColour, 0.85f * PaintMath.SmoothStep(0.3f, 0.6f, blotches[i]) * depth);
            if (regression && d < 0.9f)
                colour = Rgb.Lerp(colour, scar, 0.7f * PaintMath.SmoothStep(0.25f, 0.7f, -patches[i]));
            // Fades from skin to pigment across the border band, half-way at the visible edge (d = 1).
            float alpha = PaintMath.SmoothStep(1 + soft, 1 - soft, d) * PaintMath.Lerp(rimOpacity, 1, depth);
            canvas.Blend(i, colour, alpha);
        }
        if (row.DotsGlobules != "A")
            PaintDots(canvas, random, lesion);
    }

    /// <summary>Dots and globules: small dark discs scattered inside the lesion.</summary>
    static void PaintDots(Canvas canvas, Random random, LesionShape lesion)
    {
        var colour = new Rgb(random.Range(55, 80), random.Range(32, 45), random.Range(22, 32));
        int count = random.Next(8, 30);
        for (int placed = 0, tries = 0; placed < count && tries < 1000; tries++)
        {
            float x = lesion.CentreX + random.Range(-1, 1) * lesion.Extent, y = lesion.CentreY + random.Range(-1, 1) * lesion.Extent;
            if (x < 0 || y < 0 || x >= canvas.Width || y >= canvas.Height || lesion.Distance[(int)y * canvas.Width + (int)x] > 0.9f)
                continue;
            float radius = random.Range(1.5f, 4f);
            canvas.Shape(x - radius, y - radius, x + radius, y + radius,
                (px, py) => MathF.Sqrt((px - x) * (px - x) + (py - y) * (py - y)) - radius,
                (i, cover, _) => canvas.Blend(i, colour, 0.85f * cover));
            placed++;
        }
    }

    /// <summary>
    /// A net of lines around random cells (the borders of Worley noise): a pixel is on a line when
    /// its two nearest cell centres are about equally far away.
    /// </summary>
    sealed class PigmentNetwork
    {
        readonly int cell, columns, rows;
        readonly float lineWidth;
        readonly float[] centreX, centreY;

        public PigmentNetwork(Random random, int width, int height, int cell, float lineWidth)
        {
            this.cell = cell;
            this.lineWidth = lineWidth;
            columns = width / cell + 1;
            rows = height / cell + 1;
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
            int column = x / cell, row = y / cell;
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
            return 1 - PaintMath.SmoothStep(0, lineWidth, MathF.Sqrt(second) - MathF.Sqrt(nearest));
        }
    }
}
