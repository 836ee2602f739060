namespace Segmentation.Data;

/// <summary>
/// Where a generated lesion is: a wobbly ellipse (a circle plus lobes and a fine ripple, rotated and stretched),
/// more irregular for atypical nevi and melanomas. Each pixel gets a lesion coordinate: below 1 inside the border
/// the dermatologist drew (the mask), 1 on it. The pigment's visible edge (<see cref="EdgeDistance"/>) follows the
/// drawn border only roughly: on fuzzy lesions experts place the border somewhere in the fading band, a few
/// percent of the radius in or out (up to a tenth on fuzzy lesions), and two experts disagree by about as much.
/// </summary>
internal sealed class LesionShape
{
    const int Steps = 720;

    public LesionShape(int width, int height)
    {
        Width = width;
        Height = height;
        Distance = new float[width * height];
        EdgeDistance = new float[width * height];
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Per pixel: below 1 inside the annotated border (the mask), 1 on it, 2 for "far outside".</summary>
    public float[] Distance { get; }

    /// <summary>Per pixel: the same coordinate measured against the pigment's visible edge instead of the annotated border.</summary>
    public float[] EdgeDistance { get; }

    /// <summary>Centre of the lesion, in pixels.</summary>
    public float CentreX { get; private set; }

    /// <summary>Centre of the lesion, in pixels.</summary>
    public float CentreY { get; private set; }

    /// <summary>The farthest the border reaches from the centre, in pixels.</summary>
    public float Extent { get; private set; }

    /// <summary>Draws a lesion for <paramref name="row"/>'s diagnosis.</summary>
    public static LesionShape Draw(Random random, Ph2Metadata row, int width, int height)
    {
        var shape = new LesionShape(width, height);
        shape.Build(random, row);
        return shape;
    }

    void Build(Random random, Ph2Metadata row)
    {
        // Border radius as a function of angle: a circle plus a few lobes and a fine ripple.
        // Melanomas get the most irregular borders, common nevi the roundest.
        float irregularity = row.Diagnosis switch
        {
            Ph2Diagnosis.Melanoma => random.Range(0.16f, 0.32f),
            Ph2Diagnosis.AtypicalNevus => random.Range(0.08f, 0.2f),
            _ => random.Range(0.03f, 0.09f),
        };
        var radius = new float[Steps];
        Array.Fill(radius, 1f);
        for (int lobe = 2; lobe <= 7; lobe++)
            AddWave(random, radius, lobe, irregularity * random.Range(0.3f, 1f) / MathF.Pow(lobe - 1, 0.9f));
        // Fine ripple: every higher frequency a little, weaker as it gets finer, so no single one shows as cogs.
        for (int ripple = 8; ripple <= 40; ripple++)
            AddWave(random, radius, ripple, random.Range(0, 1) * (0.01f + 0.05f * irregularity) * 8 / ripple);
        for (int i = 0; i < Steps; i++)
            radius[i] = MathF.Max(radius[i], 0.45f);
        // How far the visible edge sits from the drawn border, along the border: up to a few percent of the radius.
        var edgeOffset = ValueNoise.Circular(random, Steps, 5);
        float disagreement = random.Range(0.04f, 0.12f);

        float size = row.Diagnosis switch
        {
            Ph2Diagnosis.Melanoma => random.Range(120, 270),
            Ph2Diagnosis.AtypicalNevus => random.Range(90, 230),
            _ => random.Range(70, 190),
        };
        float stretch = MathF.Sqrt(random.Range(0.7f, 1.35f)), angle = random.Range(0, MathF.PI);
        CentreX = Width / 2f + random.Range(-0.14f, 0.14f) * Width;
        CentreY = Height / 2f + random.Range(-0.14f, 0.14f) * Height;
        float reach = radius.Max() * MathF.Max(stretch, 1 / stretch);
        float room = MathF.Min(MathF.Min(CentreX, Width - CentreX), MathF.Min(CentreY, Height - CentreY)) - 15;
        // Most lesions fit in the picture with a margin; large ones (PH2 has many) may run off its edge.
        bool mayLeave = random.Chance(row.Diagnosis == Ph2Diagnosis.Melanoma ? 0.35 : 0.12);
        size = MathF.Min(size, (mayLeave ? 1.4f * room + 40 : room) / reach);
        Extent = size * reach;

        float cos = MathF.Cos(angle), sin = MathF.Sin(angle);
        float near = 1.45f * Extent + 3; // covers the fading band, which reaches beyond the border
        for (int y = 0; y < Height; y++)
        for (int x = 0; x < Width; x++)
        {
            float dx = x - CentreX, dy = y - CentreY;
            int i = y * Width + x;
            if (dx * dx + dy * dy > near * near)
            {
                Distance[i] = EdgeDistance[i] = 2; // far outside: skip the trigonometry
                continue;
            }
            // Rotate, then stretch into an ellipse, then compare with the border radius at that angle.
            float u = (dx * cos + dy * sin) / stretch, v = (-dx * sin + dy * cos) * stretch;
            float theta = MathF.Atan2(v, u) + MathF.PI;
            int step = (int)(theta / (2 * MathF.PI) * Steps) % Steps;
            Distance[i] = MathF.Sqrt(u * u + v * v) / (size * radius[step]);
            EdgeDistance[i] = Distance[i] / (1 + disagreement * edgeOffset[step]);
        }
    }

    static void AddWave(Random random, float[] radius, int frequency, float amplitude)
    {
        float phase = random.Range(0, 2 * MathF.PI);
        for (int i = 0; i < radius.Length; i++)
            radius[i] += amplitude * MathF.Cos(frequency * (2 * MathF.PI * i / radius.Length) + phase);
    }

    /// <summary>The mask: 255 inside the annotated border, 0 outside.</summary>
    public byte[] ToMaskBytes()
    {
        var bytes = new byte[Distance.Length];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = Distance[i] < 1 ? (byte)255 : (byte)0;
        return bytes;
    }
}
