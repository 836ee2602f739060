using System.Diagnostics;
using Segmentation.Inference;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Inference;

public class ConnectedComponentsTests
{
    public ConnectedComponentsTests() => TorchRuntime.EnsureLoaded();

    static bool[,] Grid(params string[] rows) => AsciiGrid.Parse(rows);

    static string[] Rows(int[,] labels) => Enumerable.Range(0, labels.GetLength(0))
        .Select(y => string.Concat(Enumerable.Range(0, labels.GetLength(1)).Select(x => labels[y, x]))).ToArray();

    [Fact]
    public void Two_blobs_get_two_labels_in_reading_order_with_their_sizes()
    {
        var map = ConnectedComponents.Label(Grid(
            "##....",
            "##..##",
            "....##",
            "....#."));
        Assert.Equal(2, map.Count);
        Assert.Equal(["110000", "110022", "000022", "000020"], Rows(map.Labels));
        Assert.Equal([4, 5], map.Sizes);
        Assert.Equal(2, map.LargestLabel);
    }

    [Fact]
    public void Diagonal_touch_joins_with_eight_neighbours_but_not_with_four()
    {
        var mask = Grid(
            "##..",
            "##..",
            "..##",
            "..##");
        var four = ConnectedComponents.Label(mask, Connectivity.Four);
        var eight = ConnectedComponents.Label(mask, Connectivity.Eight);
        Assert.Equal(["1100", "1100", "0022", "0022"], Rows(four.Labels));
        Assert.Equal(["1100", "1100", "0011", "0011"], Rows(eight.Labels));
        Assert.Equal([4, 4], four.Sizes);
        Assert.Equal([8], eight.Sizes);
    }

    [Fact]
    public void A_u_shape_whose_arms_meet_only_at_the_bottom_is_one_object()
    {
        var map = ConnectedComponents.Label(Grid(
            "#.#",
            "#.#",
            "###"), Connectivity.Four);
        Assert.Equal(1, map.Count);
        Assert.Equal(7, map.SizeOf(1));
    }

    [Fact]
    public void Tensor_masks_give_a_label_tensor_and_one_mask_per_object()
    {
        using var mask = tensor(new[] { 1f, 0f, 0f, 1f, 0f, 0f, 0f, 1f }).reshape(1, 1, 2, 4);
        var map = ConnectedComponents.Label(mask, Connectivity.Four);
        Assert.Equal(2, map.Count);
        using var labels = map.ToTensor();
        Assert.Equal(new long[] { 2, 4 }, labels.shape);
        Assert.Equal([1L, 0, 0, 2, 0, 0, 0, 2], labels.data<long>().ToArray());
        using var second = map.MaskOf(2);
        Assert.Equal([0f, 0, 0, 1, 0, 0, 0, 1], second.data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => map.MaskOf(3));
    }

    [Fact]
    public void An_empty_mask_has_no_objects()
    {
        var map = ConnectedComponents.Label(new bool[3, 5]);
        Assert.Equal(0, map.Count);
        Assert.Equal(0, map.LargestLabel);
        Assert.Equal((3, 5), (map.Height, map.Width));
    }

    [Fact]
    public void A_full_size_checkerboard_is_labelled_quickly()
    {
        // PH2 size, 768x560. Checkerboard squares touch only at corners: one object with eight neighbours,
        // every object pixel alone with four.
        const int height = 560, width = 768;
        var board = new bool[height, width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                board[y, x] = (x + y) % 2 == 0;
        var clock = Stopwatch.StartNew();
        var eight = ConnectedComponents.Label(board, Connectivity.Eight);
        var four = ConnectedComponents.Label(board, Connectivity.Four);
        clock.Stop();
        Assert.Equal(1, eight.Count);
        Assert.Equal(height * width / 2, eight.SizeOf(1));
        Assert.Equal(height * width / 2, four.Count);
        Assert.True(clock.Elapsed.TotalSeconds < 2, $"labelling took {clock.Elapsed.TotalSeconds:F2} s");
    }
}
