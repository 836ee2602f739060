using Segmentation.Inference;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Inference;

public class ContoursTests
{
    public ContoursTests() => TorchRuntime.EnsureLoaded();

    static bool[,] Grid(params string[] rows) => AsciiGrid.Parse(rows);

    static string[] Rows(bool[,] grid) => Enumerable.Range(0, grid.GetLength(0))
        .Select(y => new string(Enumerable.Range(0, grid.GetLength(1)).Select(x => grid[y, x] ? '#' : '.').ToArray())).ToArray();

    // A notch at the top right: pixel (3, 3) touches the background only at its corner (4, 2).
    static readonly string[] Notched =
    [
        "......",
        ".###..",
        ".###..",
        ".####.",
        ".####.",
        "......",
    ];

    [Fact]
    public void Four_neighbour_boundary_keeps_pixels_whose_sides_touch_only_object()
    {
        Assert.Equal(
        [
            "......",
            ".###..",
            ".#.#..",
            ".#..#.",
            ".####.",
            "......",
        ], Rows(Contours.Boundary(Grid(Notched), Connectivity.Four)));
    }

    [Fact]
    public void Eight_neighbour_boundary_also_takes_pixels_touching_background_at_a_corner()
    {
        Assert.Equal(
        [
            "......",
            ".###..",
            ".#.#..",
            ".#.##.",
            ".####.",
            "......",
        ], Rows(Contours.Boundary(Grid(Notched), Connectivity.Eight)));
    }

    [Fact]
    public void The_image_edge_closes_the_outline_and_tensors_keep_their_shape()
    {
        using var full = ones(1, 3, 3);
        using var boundary = Contours.BoundaryMask(full);
        Assert.Equal(new long[] { 1, 3, 3 }, boundary.shape);
        Assert.Equal([1f, 1f, 1f, 1f, 0f, 1f, 1f, 1f, 1f], boundary.flatten().data<float>().ToArray());
        Assert.Equal(8, Contours.BoundaryPoints(full).Count);
        Assert.Equal((0, 0), Contours.BoundaryPoints(full)[0]);
        Assert.Equal((2, 2), Contours.BoundaryPoints(full)[^1]);
    }
}
