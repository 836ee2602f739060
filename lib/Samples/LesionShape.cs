using Segmentation.Data;

namespace Segmentation.Samples;

/// <summary>
/// Where a generated lesion is: a wobbly ellipse (a circle plus lobes and a fine ripple, rotated and stretched),
/// more irregular for atypical nevi and melanomas. Each pixel gets a lesion coordinate: below 1 inside the border
/// the dermatologist drew (the mask), 1 on it. Borders are sharp on some lesions and fade over a wide band on others
/// (often sharp on one side and fuzzy on the other), and the pigment's visible edge (<see cref="EdgeDistance"/>)
/// follows the drawn border only roughly: within a fading band experts place the border somewhere, a few percent of
/// the radius in or out (up to about a tenth on fuzzy lesions), and two experts disagree by about as much.
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
        Softness = new float[width * height];
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Per pixel: below 1 inside the annotated border (the mask), 1 on it, 2 for "far outside".</summary>
    public float[] Distance { get; }

    /// <summary>Per pixel: the same coordinate measured against the pigment's visible edge instead of the annotated border.</summary>
    public float[] EdgeDistance { get; }

    /// <summary>Per pixel: half the width of the band over which the pigment fades into the skin there, in lesion coordinates.</summary>
    public float[] Softness { get; }

    /// <summary>A faint lesion: barely darker than the skin at its rim, with a fuzzier border.</summary>
    public bool Faint { get; private set; }

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
            AddWave(random, radius, ripple, random.Range(0, 1) * (0.015f + 0.1f * irregularity) * 8 / ripple);
        for (int i = 0; i < Steps; i++)
            radius[i] = MathF.Max(radius[i], 0.45f);

        // Border sharpness: melanomas fade out most, and faint nevi are fuzzy too; it varies around the border.
        Faint = row.Diagnosis != Ph2Diagnosis.Melanoma && random.Chance(0.3);
        float softness = row.Diagnosis switch
        {
            Ph2Diagnosis.Melanoma => random.Range(0.05f, 0.2f),
            Ph2Diagnosis.AtypicalNevus => random.Range(0.03f, 0.15f),
            _ => random.Range(0.02f, 0.08f),
        } * (Faint ? 1.5f : 1);
        var sharpness = ValueNoise.Circular(random, Steps, 3);
        var edgeOffset = ValueNoise.Circular(random, Steps, 5);
        var soft = new float[Steps];
        var offset = new float[Steps];
        for (int i = 0; i < Steps; i++)
        {
            soft[i] = softness * (0.4f + 0.8f * (sharpness[i] + 1));
            // Where the drawn border sits in the fading band: the wider the band, the further from its middle.
            offset[i] = Math.Clamp((0.05f + 1.2f * soft[i]) * edgeOffset[i], -0.25f, 0.25f);
        }

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
        float near = (1 + offset.Max()) * (1 + soft.Max()) * Extent + 3; // covers the fading band, which reaches beyond the border
        for (int y = 0; y < Height; y++)
        for (int x = 0; x < Width; x++)
        {
            float dx = x - CentreX, dy = y - CentreY;
            int i = y * Width + x;
            if (dx * dx + dy * dy > near * near)
            {
                Distance[i] = EdgeDistance[i] = 2; // far outside: skip the trigonometry
                Softness[i] = softness;
                continue;
            }
            // Rotate, then stretch into an ellipse, then compare with the border radius at that angle.
            float u = (dx * cos + dy * sin) / stretch, v = (-dx * sin + dy * cos) * stretch;
            float theta = MathF.Atan2(v, u) + MathF.PI;
            int step = (int)(theta / (2 * MathF.PI) * Steps) % Steps;
            Distance[i] = MathF.Sqrt(u * u + v * v) / (size * radius[step]);
            EdgeDistance[i] = Distance[i] / (1 + offset[step]);
            Softness[i] = soft[step];
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
