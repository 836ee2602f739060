namespace Lesson.Tests.Inference;

/// <summary>Small masks drawn as text in the tests: '#' is foreground, anything else background.</summary>
static class AsciiGrid
{
    public static bool[,] Parse(params string[] rows)
    {
        var grid = new bool[rows.Length, rows[0].Length];
        for (int y = 0; y < rows.Length; y++)
            for (int x = 0; x < rows[0].Length; x++)
                grid[y, x] = rows[y][x] == '#';
        return grid;
    }
}
