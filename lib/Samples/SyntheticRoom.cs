namespace Segmentation.Samples;

/// <summary>
/// Paints a cluttered room behind a generated MADS person: a wall and a floor, then furniture and objects
/// (windows, shelves with books, posters, plants, lamps, boxes, chairs, a mat, poles and cables) in varied
/// colours. Nothing here is person-shaped, but colours may repeat the person's, so a network has to learn shape.
/// </summary>
internal sealed class SyntheticRoom
{
    readonly Canvas canvas;
    readonly Random random;
    readonly float floorY;
    readonly Rgb? wallColour, floorColour;

    SyntheticRoom(Canvas canvas, Random random, float floorY, Rgb? wallColour, Rgb? floorColour)
    {
        this.canvas = canvas;
        this.random = random;
        this.floorY = floorY;
        this.wallColour = wallColour;
        this.floorColour = floorColour;
    }

    /// <summary>
    /// Paints a room on <paramref name="canvas"/>; <paramref name="floorY"/> is where the wall meets the floor.
    /// <paramref name="wall"/> and <paramref name="floor"/>, when given, replace the random colours: a grey shirt against a
    /// grey wall or dark trousers on a dark floor, as in many real recordings, leaves only shape to tell person from room.
    /// </summary>
    public static void Paint(Canvas canvas, int seed, float floorY, Rgb? wall = null, Rgb? floor = null)
    {
        var room = new SyntheticRoom(canvas, new Random(seed), floorY, wall, floor);
        room.PaintWallAndFloor();
        int objects = room.random.Next(7, 14);
        for (int i = 0; i < objects; i++)
            room.PaintObject();
    }

    void PaintWallAndFloor()
    {
        var wall = Rgb.FromHsv(Range(0, 1), Range(0.05f, 0.35f), Range(0.45f, 0.9f));
        var floor = Rgb.FromHsv(Range(0.03f, 0.12f), Range(0.2f, 0.6f), Range(0.25f, 0.6f));
        wall = wallColour ?? wall;
        floor = floorColour ?? floor;
        float light = Range(-0.25f, 0.25f); // light falls in from one side
        int width = canvas.Width;
        for (int y = 0; y < canvas.Height; y++)
        for (int x = 0; x < width; x++)
        {
            bool onFloor = y >= floorY;
            float side = 1 + light * (x / (float)width - 0.5f);
            // The wall darkens towards the ceiling, the floor towards the camera; floorboards are faint stripes.
            float shade = onFloor
                ? (0.85f + 0.15f * (y - floorY) / (canvas.Height - floorY + 1)) * ((x + (int)(y * 0.7f)) % 48 < 2 ? 0.85f : 1)
                : 0.85f + 0.15f * y / floorY;
            canvas.Blend(y * width + x, (onFloor ? floor : wall) * (shade * side), 1);
        }
    }

    void PaintObject()
    {
        switch (random.Next(10))
        {
            case 0: Window(); break;
            case 1: Shelf(); break;
            case 2 or 3: Poster(); break;
            case 4: Plant(); break;
            case 5: Lamp(); break;
            case 6: Box(); break;
            case 7: Chair(); break;
            case 8: Mat(); break;
            default: Pole(); break;
        }
    }

    void Window()
    {
        float w = Range(60, 150), h = Range(60, 130), x = Range(-20, canvas.Width - w + 20), y = Range(10, floorY - h - 20);
        var frame = Rgb.FromHsv(Range(0, 1), Range(0, 0.2f), Range(0.7f, 1));
        canvas.FillRectangle(x - 5, y - 5, x + w + 5, y + h + 5, frame);
        canvas.FillRectangle(x, y, x + w, y + h, Rgb.FromHsv(Range(0.5f, 0.62f), Range(0.1f, 0.4f), Range(0.8f, 1)), topToBottomShade: -0.1f);
        canvas.FillRectangle(x + w / 2 - 2, y, x + w / 2 + 2, y + h, frame);
        canvas.FillRectangle(x, y + h / 2 - 2, x + w, y + h / 2 + 2, frame);
    }

    void Shelf()
    {
        float w = Range(70, 170), h = Range(90, 200), x = Range(-30, canvas.Width - w + 30), bottom = floorY + Range(0, 20);
        var wood = Rgb.FromHsv(Range(0.05f, 0.1f), Range(0.4f, 0.7f), Range(0.3f, 0.6f));
        canvas.FillRectangle(x, bottom - h, x + w, bottom, wood * 0.8f);
        int boards = random.Next(2, 5);
        for (int b = 0; b <= boards; b++)
        {
            float by = bottom - h + b * (h - 6) / boards;
            canvas.FillRectangle(x, by, x + w, by + 6, wood);
            if (b == boards)
                break;
            // Books: upright strips of many colours standing on the board below.
            float nextBoard = bottom - h + (b + 1) * (h - 6) / boards;
            for (float bx = x + 4; bx < x + w - 8; bx += Range(5, 12))
                if (random.NextDouble() < 0.8)
                    canvas.FillRectangle(bx, nextBoard - Range(12, (h - 6) / boards - 4), bx + Range(4, 9), nextBoard,
                        Rgb.FromHsv(Range(0, 1), Range(0.3f, 0.9f), Range(0.3f, 0.95f)));
        }
    }

    void Poster()
    {
        float w = Range(40, 120), h = Range(50, 150), x = Range(-10, canvas.Width - w + 10), y = Range(5, floorY - h - 10);
        var background = Rgb.FromHsv(Range(0, 1), Range(0.2f, 1), Range(0.3f, 1));
        canvas.FillRectangle(x, y, x + w, y + h, background);
        // A simple pattern: stripes or dots in a second colour.
        var pattern = Rgb.FromHsv(Range(0, 1), Range(0.2f, 1), Range(0.2f, 1));
        if (random.NextDouble() < 0.5)
            for (float sy = y + 6; sy < y + h - 6; sy += Range(8, 20))
                canvas.FillRectangle(x + 6, sy, x + w - 6, sy + Range(2, 6), pattern);
        else
            for (int d = 0, dots = random.Next(2, 7); d < dots; d++)
                canvas.FillDisc(x + Range(10, w - 10), y + Range(10, h - 10), Range(4, MathF.Min(w, h) / 4), pattern);
    }

    void Plant()
    {
        float x = Range(20, canvas.Width - 20), bottom = floorY + Range(5, 40), size = Range(30, 70);
        var pot = Rgb.FromHsv(Range(0, 0.1f), Range(0.3f, 0.7f), Range(0.4f, 0.8f));
        canvas.FillRectangle(x - size * 0.35f, bottom - size * 0.6f, x + size * 0.35f, bottom, pot, topToBottomShade: 0.3f);
        for (int leaf = 0, leaves = random.Next(8, 18); leaf < leaves; leaf++)
            canvas.FillDisc(x + Range(-size, size) * 0.8f, bottom - size * 0.6f - Range(0, size * 1.6f), Range(6, 16),
                Rgb.FromHsv(Range(0.22f, 0.4f), Range(0.4f, 0.9f), Range(0.25f, 0.7f)));
    }

    void Lamp()
    {
        float x = Range(10, canvas.Width - 10), bottom = floorY + Range(0, 30), top = Range(40, floorY - 60);
        var metal = Rgb.FromHsv(0, 0, Range(0.1f, 0.5f));
        canvas.FillLine(x, top, x, bottom, Range(3, 6), metal);
        canvas.FillRectangle(x - 14, bottom - 4, x + 14, bottom, metal);
        canvas.FillDisc(x, top, Range(14, 24), Rgb.FromHsv(Range(0.08f, 0.16f), Range(0.1f, 0.5f), Range(0.8f, 1)));
    }

    void Box()
    {
        float w = Range(30, 110), h = Range(25, 90), x = Range(-10, canvas.Width - w + 10), bottom = floorY + Range(10, canvas.Height - floorY);
        var colour = Rgb.FromHsv(Range(0, 1), Range(0.1f, 0.8f), Range(0.3f, 0.9f));
        canvas.FillRectangle(x, bottom - h, x + w, bottom, colour, topToBottomShade: 0.25f);
        canvas.FillRectangle(x, bottom - h, x + w, bottom - h + 6, colour * 1.15f); // the lit top edge
    }

    void Chair()
    {
        float x = Range(10, canvas.Width - 60), seatY = floorY + Range(-20, 25), w = Range(35, 55);
        var colour = Rgb.FromHsv(Range(0, 1), Range(0.2f, 0.8f), Range(0.2f, 0.7f));
        canvas.FillRectangle(x, seatY - 60, x + 6, seatY, colour);          // back
        canvas.FillRectangle(x, seatY - 4, x + w, seatY + 4, colour * 1.1f); // seat
        canvas.FillLine(x + 3, seatY, x + 3, seatY + 45, 4, colour * 0.8f);  // legs
        canvas.FillLine(x + w - 3, seatY, x + w - 3, seatY + 45, 4, colour * 0.8f);
    }

    void Mat()
    {
        float cx = Range(60, canvas.Width - 60), cy = floorY + Range(15, canvas.Height - floorY), rx = Range(60, 180), ry = Range(10, 30);
        var colour = Rgb.FromHsv(Range(0, 1), Range(0.2f, 0.7f), Range(0.2f, 0.7f));
        canvas.Shape(cx - rx, cy - ry, cx + rx, cy + ry,
            (x, y) => (MathF.Sqrt((x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry)) - 1) * ry,
            (i, coverage, _) => canvas.Blend(i, colour, coverage));
    }

    void Pole()
    {
        // Vertical poles, or cables hanging across the wall.
        var colour = Rgb.FromHsv(Range(0, 1), Range(0, 0.5f), Range(0.1f, 0.8f));
        if (random.NextDouble() < 0.5)
        {
            float x = Range(0, canvas.Width);
            canvas.FillLine(x, 0, x + Range(-10, 10), floorY + Range(0, 40), Range(3, 9), colour);
        }
        else
        {
            float y = Range(10, floorY);
            canvas.FillLine(0, y, canvas.Width, y + Range(-40, 40), Range(1.5f, 3), colour);
        }
    }

    float Range(float low, float high) => low + (high - low) * random.NextSingle();
}
