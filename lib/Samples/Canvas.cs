namespace Segmentation.Samples;

/// <summary>
/// A small float RGB canvas for painting generated samples: plain arrays (one per channel, 0..255), because
/// per-pixel image indexers are slow. Shapes are drawn with anti-aliased edges from their signed distance.
/// </summary>
internal sealed class Canvas
{
    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        Red = new float[width * height];
        Green = new float[width * height];
        Blue = new float[width * height];
    }

    public int Width { get; }
    public int Height { get; }
    public float[] Red { get; }
    public float[] Green { get; }
    public float[] Blue { get; }

    /// <summary>Blends <paramref name="colour"/> into pixel <paramref name="i"/> by <paramref name="amount"/> (0 keeps it, 1 replaces it).</summary>
    public void Blend(int i, Rgb colour, float amount)
    {
        Red[i] += (colour.R - Red[i]) * amount;
        Green[i] += (colour.G - Green[i]) * amount;
        Blue[i] += (colour.B - Blue[i]) * amount;
    }

    /// <summary>A filled axis-aligned rectangle (edges on whole pixels), optionally shaded from top to bottom.</summary>
    public void FillRectangle(float left, float top, float right, float bottom, Rgb colour, float topToBottomShade = 0)
    {
        int x0 = Math.Max(0, (int)left), x1 = Math.Min(Width, (int)right);
        int y0 = Math.Max(0, (int)top), y1 = Math.Min(Height, (int)bottom);
        for (int y = y0; y < y1; y++)
        {
            float shade = 1 - topToBottomShade * (y - top) / Math.Max(1, bottom - top);
            var shaded = colour * shade;
            for (int x = x0; x < x1; x++)
                Blend(y * Width + x, shaded, 1);
        }
    }

    /// <summary>
    /// Paints a shape given by its signed distance (negative inside, in pixels) within a bounding box:
    /// coverage is 1 inside, 0 outside and in between across the one-pixel edge. <paramref name="paint"/>
    /// receives the pixel index, the coverage and the distance, and decides the colour.
    /// </summary>
    public void Shape(float left, float top, float right, float bottom, Func<float, float, float> distance, Action<int, float, float> paint)
    {
        int x0 = Math.Max(0, (int)MathF.Floor(left) - 1), x1 = Math.Min(Width - 1, (int)MathF.Ceiling(right) + 1);
        int y0 = Math.Max(0, (int)MathF.Floor(top) - 1), y1 = Math.Min(Height - 1, (int)MathF.Ceiling(bottom) + 1);
        for (int y = y0; y <= y1; y++)
        for (int x = x0; x <= x1; x++)
        {
            float d = distance(x, y);
            float coverage = Math.Clamp(0.5f - d, 0, 1);
            if (coverage > 0)
                paint(y * Width + x, coverage, d);
        }
    }

    /// <summary>A filled disc in one colour.</summary>
    public void FillDisc(float cx, float cy, float radius, Rgb colour) =>
        Shape(cx - radius, cy - radius, cx + radius, cy + radius,
            (x, y) => MathF.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - radius,
            (i, coverage, _) => Blend(i, colour, coverage));

    /// <summary>A line of the given thickness with round ends, in one colour.</summary>
    public void FillLine(float ax, float ay, float bx, float by, float thickness, Rgb colour)
    {
        float r = thickness / 2;
        Shape(MathF.Min(ax, bx) - r, MathF.Min(ay, by) - r, MathF.Max(ax, bx) + r, MathF.Max(ay, by) + r,
            (x, y) => SegmentDistance(x, y, ax, ay, bx, by, out _) - r,
            (i, coverage, _) => Blend(i, colour, coverage));
    }

    /// <summary>Distance from (x, y) to the segment a-b, and where along it (0 at a, 1 at b) the nearest point lies.</summary>
    public static float SegmentDistance(float x, float y, float ax, float ay, float bx, float by, out float along)
    {
        float dx = bx - ax, dy = by - ay;
        float lengthSquared = dx * dx + dy * dy;
        along = lengthSquared > 0 ? Math.Clamp(((x - ax) * dx + (y - ay) * dy) / lengthSquared, 0, 1) : 0;
        float nx = ax + along * dx - x, ny = ay + along * dy - y;
        return MathF.Sqrt(nx * nx + ny * ny);
    }

    /// <summary>
    /// Softens the whole picture a little (a 3x3 box blur, twice, which is close to a Gaussian blur): the room behind
    /// a person is slightly out of focus when the camera focuses on the person.
    /// </summary>
    public void SoftenFocus() => Blur(1, passes: 2);

    /// <summary>
    /// Blurs the whole picture: each pass averages every pixel with its neighbours up to <paramref name="radius"/> pixels
    /// away along rows, then along columns (a box blur; two or three passes look like an out-of-focus lens).
    /// </summary>
    public void Blur(int radius, int passes)
    {
        foreach (var channel in new[] { Red, Green, Blue })
            for (int pass = 0; pass < passes; pass++)
            {
                BoxBlur(channel, Width, Height, 1, Width, radius);  // along rows
                BoxBlur(channel, Height, Width, Width, 1, radius);  // down columns
            }
    }

    /// <summary>Averages each value with its neighbours up to <paramref name="radius"/> away along one direction (edges repeated), with a running sum.</summary>
    static void BoxBlur(float[] values, int length, int lines, int step, int lineStep, int radius)
    {
        var line = new float[length];
        float count = 2 * radius + 1;
        for (int l = 0; l < lines; l++)
        {
            int start = l * lineStep;
            for (int i = 0; i < length; i++)
                line[i] = values[start + i * step];
            float sum = 0;
            for (int k = -radius; k <= radius; k++)
                sum += line[Math.Clamp(k, 0, length - 1)];
            for (int i = 0; i < length; i++)
            {
                values[start + i * step] = sum / count;
                sum += line[Math.Min(length - 1, i + radius + 1)] - line[Math.Max(0, i - radius)];
            }
        }
    }

    /// <summary>A copy of the picture.</summary>
    public Canvas Copy()
    {
        var copy = new Canvas(Width, Height);
        Red.CopyTo(copy.Red, 0);
        Green.CopyTo(copy.Green, 0);
        Blue.CopyTo(copy.Blue, 0);
        return copy;
    }

    /// <summary>Adds camera grain: an independent random offset of up to <paramref name="strength"/> to every pixel.</summary>
    public void AddGrain(Random random, float strength)
    {
        var grain = new byte[Red.Length];
        random.NextBytes(grain); // one call for all pixels: much faster than one random number per pixel
        for (int i = 0; i < grain.Length; i++)
        {
            float offset = (grain[i] - 127.5f) / 127.5f * strength;
            Red[i] += offset;
            Green[i] += offset;
            Blue[i] += offset;
        }
    }

    /// <summary>The picture as 24-bit RGB bytes, row by row.</summary>
    public byte[] ToRgbBytes()
    {
        var bytes = new byte[Red.Length * 3];
        for (int i = 0; i < Red.Length; i++)
        {
            bytes[3 * i] = ToByte(Red[i]);
            bytes[3 * i + 1] = ToByte(Green[i]);
            bytes[3 * i + 2] = ToByte(Blue[i]);
        }
        return bytes;
    }

    static byte ToByte(float value) => (byte)Math.Clamp((int)(value + 0.5f), 0, 255);
}

/// <summary>A colour with channels in 0..255 (floats, so that shading can go between whole values).</summary>
internal readonly record struct Rgb(float R, float G, float B)
{
    public static Rgb operator *(Rgb colour, float factor) => new(colour.R * factor, colour.G * factor, colour.B * factor);

    public static Rgb Lerp(Rgb from, Rgb to, float amount) =>
        new(from.R + (to.R - from.R) * amount, from.G + (to.G - from.G) * amount, from.B + (to.B - from.B) * amount);

    /// <summary>A colour from hue (0..1 around the wheel), saturation and value (0..1), as painters pick colours.</summary>
    public static Rgb FromHsv(float hue, float saturation, float value)
    {
        float h = (hue - MathF.Floor(hue)) * 6, c = value * saturation, x = c * (1 - MathF.Abs(h % 2 - 1)), m = value - c;
        var (r, g, b) = (int)h switch
        {
            0 => (c, x, 0f), 1 => (x, c, 0f), 2 => (0f, c, x), 3 => (0f, x, c), 4 => (x, 0f, c), _ => (c, 0f, x),
        };
        return new Rgb((r + m) * 255, (g + m) * 255, (b + m) * 255);
    }
}
