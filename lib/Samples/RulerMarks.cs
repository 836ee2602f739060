namespace Segmentation.Samples;

/// <summary>
/// A millimetre scale printed on the dermoscope's contact plate, seen in some pictures along one side: a dark line
/// with ticks, longer every fifth. Dark, thin and straight, it is not a lesion: a network that marks it has learned
/// "dark is lesion" rather than what a lesion looks like.
/// </summary>
internal static class RulerMarks
{
    public static void Paint(Canvas canvas, Random random)
    {
        if (!random.Chance(0.15))
            return;
        var ink = random.Chance(0.7) ? new Rgb(20, 20, 24) : new Rgb(30, 40, 90);
        float spacing = random.Range(14, 24), thickness = random.Range(1.5f, 2.8f), tilt = random.Range(-0.06f, 0.06f);
        int side = random.Next(4); // 0 top, 1 bottom, 2 left, 3 right
        bool horizontal = side < 2;
        float length = horizontal ? canvas.Width : canvas.Height;
        float offset = random.Range(20, 80);
        float baseLine = side switch { 0 or 2 => offset, 1 => canvas.Height - offset, _ => canvas.Width - offset };
        float inward = side is 0 or 2 ? 1 : -1; // ticks point into the picture
        float from = random.Range(0, 0.3f) * length, to = length - random.Range(0, 0.3f) * length;

        (float X, float Y) At(float along, float across)
        {
            float a = along, c = baseLine + tilt * (along - length / 2) + across;
            return horizontal ? (a, c) : (c, a);
        }
        var (sx, sy) = At(from, 0);
        var (ex, ey) = At(to, 0);
        canvas.FillLine(sx, sy, ex, ey, thickness, ink);
        int tick = 0;
        for (float along = from; along <= to; along += spacing, tick++)
        {
            float tickLength = tick % 5 == 0 ? random.Range(20, 28) : random.Range(8, 14);
            var (ax, ay) = At(along, 0);
            var (bx, by) = At(along, inward * tickLength);
            canvas.FillLine(ax, ay, bx, by, thickness, ink);
        }
    }
}
