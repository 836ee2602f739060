using Segmentation.Inference;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Inference;

public class LargestRegionTests
{
    public LargestRegionTests() => TorchRuntime.EnsureLoaded();

    static Tensor Masks(params string[][] images) => stack(images.Select(rows => BinaryMask.FromArray(AsciiGrid.Parse(rows)).unsqueeze(0)).ToArray());

    static string[] Rows(Tensor mask) => Enumerable.Range(0, (int)mask.shape[^2])
        .Select(y => string.Concat(Enumerable.Range(0, (int)mask.shape[^1]).Select(x => mask[0, y, x].item<float>() >= 0.5f ? '#' : '.'))).ToArray();

    [Fact]
    public void Each_mask_keeps_only_its_largest_region_and_an_empty_mask_stays_empty()
    {
        using var masks = Masks(
            ["##...", "##..#", "....."],
            [".....", ".....", "....."],
            ["#.###", "..###", "....."]);

        using var kept = LargestRegion.Keep(masks);

        Assert.Equal(masks.shape, kept.shape);
        Assert.Equal(["##...", "##...", "....."], Rows(kept[0]));
        Assert.Equal([".....", ".....", "....."], Rows(kept[1]));
        Assert.Equal(["..###", "..###", "....."], Rows(kept[2]));
    }

    [Fact]
    public void Masks_without_a_batch_and_channel_are_refused_with_their_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => LargestRegion.Keep(zeros(3, 4)));
        Assert.Contains("[3, 4]", error.Message);
    }
}
