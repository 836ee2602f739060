namespace Segmentation.Samples;

/// <summary>
/// Smooth random fields for generated pictures (value noise): random values on a coarse grid, smoothly
/// interpolated in between. Skin tone, pigment blotches and uneven light all vary like this: in soft blobs.
/// </summary>
internal static class ValueNoise
{
    /// <summary>A field in -1..1 over <paramref name="width"/> x <paramref name="height"/> pixels whose blobs are about <paramref name="cell"/> pixels across.</summary>
    public static float[] Field(Random random, int width, int height, int cell)
    {
        int columns = width / cell + 2, rows = height / cell + 2;
        var grid = new float[columns * rows];
        for (int i = 0; i < grid.Length; i++)
            grid[i] = 2 * random.NextSingle() - 1;
        // First along each grid line, for every x; then each pixel only blends the two lines around it.
        var lines = new float[rows * width];
        for (int row = 0; row < rows; row++)
        for (int x = 0; x < width; x++)
        {
            int g = row * columns + x / cell;
            lines[row * width + x] = PaintMath.Lerp(grid[g], grid[g + 1], PaintMath.SmoothStep(0, 1, (float)(x % cell) / cell));
        }
        var field = new float[width * height];
        for (int y = 0; y < height; y++)
        {
            var upper = lines.AsSpan(y / cell * width, width);
            var lower = lines.AsSpan((y / cell + 1) * width, width);
            var target = field.AsSpan(y * width, width);
            float ty = PaintMath.SmoothStep(0, 1, (float)(y % cell) / cell);
            for (int x = 0; x < width; x++)
                target[x] = PaintMath.Lerp(upper[x], lower[x], ty);
        }
        return field;
    }

    /// <summary>A smooth random curve in -1..1 around a circle (<paramref name="steps"/> values, the last one next to the first): a few waves of random phase.</summary>
    public static float[] Circular(Random random, int steps, int waves)
    {
        var values = new float[steps];
        float total = 0;
        for (int wave = 1; wave <= waves; wave++)
        {
            float amplitude = random.NextSingle() / wave, phase = 2 * MathF.PI * random.NextSingle();
            total += amplitude;
            for (int i = 0; i < steps; i++)
                values[i] += amplitude * MathF.Cos(wave * 2 * MathF.PI * i / steps + phase);
        }
        for (int i = 0; i < steps; i++)
            values[i] /= MathF.Max(total, 1e-6f);
        return values;
    }
}
