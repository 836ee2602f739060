namespace Segmentation.Samples;

/// <summary>
/// Objects between a camera and the person: a pillar, a table or counter, a chair, a plant, a gym ball. Real
/// recordings have them (and the person's own limbs, tables and other people) hiding part of the body. What stands in
/// front is not person: each object records how much of each pixel it covers, and the mask leaves those pixels out.
/// The object stands still for the camera, so every frame of that camera shows it in the same place.
/// </summary>
internal static class Occluders
{
    /// <summary>Paints one object near where <paramref name="person"/> stands, raising <paramref name="coverage"/> where it is.</summary>
    public static void Paint(Canvas canvas, Random random, float[] coverage, Placement person, float wallFloorY)
    {
        var painter = new Painter(canvas, coverage);
        float height = person.Height, feet = person.FloorY, x = person.CentreX + random.Range(-0.3f, 0.3f) * height;
        var colour = Rgb.FromHsv(random.Range(0, 1), random.Range(0.1f, 0.7f), random.Range(0.25f, 0.85f));
        switch (random.Next(5))
        {
            case 0: // a pillar or pole from the ceiling to the floor
                float half = random.Range(7, 22);
                painter.Box(x - half, 0, x + half, canvas.Height, colour, rounded: true);
                break;
            case 1: // a table or counter in front of the legs
                float top = feet - random.Range(0.3f, 0.5f) * height, halfWidth = random.Range(70, 160), slab = random.Range(9, 16);
                painter.Box(x - halfWidth, top, x + halfWidth, top + slab, colour * 1.1f);
                if (random.Chance(0.5))
                    painter.Box(x - halfWidth + 4, top + slab, x + halfWidth - 4, canvas.Height, colour * 0.8f); // a counter's front
                else
                    foreach (float legX in new[] { x - halfWidth + 8, x + halfWidth - 8 })
                        painter.Box(legX - 4, top + slab, legX + 4, MathF.Min(canvas.Height, feet + 10), colour * 0.7f);
                break;
            case 2: // a chair near the camera: its back and seat hide the legs
                float seat = feet - random.Range(0.2f, 0.3f) * height, chairWidth = random.Range(50, 90);
                painter.Box(x - chairWidth / 2, seat - random.Range(50, 90), x - chairWidth / 2 + 10, canvas.Height, colour);
                painter.Box(x - chairWidth / 2, seat, x + chairWidth / 2, seat + 9, colour * 1.15f);
                painter.Box(x + chairWidth / 2 - 8, seat, x + chairWidth / 2, canvas.Height, colour * 0.8f);
                break;
            case 3: // a potted plant on the floor in front
                var leaf = Rgb.FromHsv(random.Range(0.22f, 0.4f), random.Range(0.4f, 0.9f), random.Range(0.25f, 0.6f));
                float potTop = MathF.Min(canvas.Height - 20, feet + random.Range(-10, 30)), size = random.Range(35, 70);
                painter.Box(x - 0.4f * size, potTop, x + 0.4f * size, canvas.Height, colour);
                for (int l = 0, leaves = random.Next(10, 20); l < leaves; l++)
                    painter.Disc(x + random.Range(-1, 1) * size, potTop - random.Range(0, 2.2f) * size, random.Range(8, 18), leaf * random.Range(0.8f, 1.2f));
                break;
            default: // a gym ball on the floor
                float radius = random.Range(0.12f, 0.2f) * height;
                painter.Disc(x, MathF.Max(wallFloorY, feet - radius + random.Range(0, 15)), radius, colour, shaded: true);
                break;
        }
    }

    /// <summary>Shapes that paint over the picture and record their coverage.</summary>
    sealed class Painter(Canvas canvas, float[] coverage)
    {
        public void Box(float left, float top, float right, float bottom, Rgb colour, bool rounded = false)
        {
            float centre = (left + right) / 2, half = (right - left) / 2;
            canvas.Shape(left, top, right, bottom,
                (x, y) => MathF.Max(MathF.Max(left - x, x - right), MathF.Max(top - y, y - bottom)),
                (i, cover, _) =>
                {
                    // A round pillar is lit in the middle and darker at its sides; a flat board is evenly lit.
                    float across = MathF.Abs(i % canvas.Width - centre) / MathF.Max(half, 1);
                    Put(i, rounded ? colour * (1.1f - 0.4f * across * across) : colour, cover);
                });
        }

        public void Disc(float cx, float cy, float radius, Rgb colour, bool shaded = false) =>
            canvas.Shape(cx - radius, cy - radius, cx + radius, cy + radius,
                (x, y) => MathF.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy)) - radius,
                (i, cover, _) =>
                {
                    float dx = (i % canvas.Width - cx) / radius + 0.35f, dy = (i / canvas.Width - cy) / radius + 0.35f;
                    Put(i, shaded ? colour * (1.15f - 0.45f * MathF.Min(1, dx * dx + dy * dy)) : colour, cover);
                });

        void Put(int i, Rgb colour, float cover)
        {
            canvas.Blend(i, colour, cover);
            coverage[i] = MathF.Max(coverage[i], cover);
        }
    }
}
