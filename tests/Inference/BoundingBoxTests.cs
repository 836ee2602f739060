using Segmentation.Inference;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Inference;

public class BoundingBoxTests
{
    public BoundingBoxTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void The_box_is_the_mask_extent_with_both_edges_included()
    {
        using var mask = zeros(1, 10, 12);
        mask[0, 2, 3] = tensor(1f);      // top-left-most pixel
        mask[0, 6, 9] = tensor(1f);      // bottom-right-most pixel
        mask[0, 4, 5] = tensor(1f);      // inside: changes nothing

        var box = BoundingBox.OfMask(mask);

        Assert.Equal(new BoundingBox(Left: 3, Top: 2, Right: 9, Bottom: 6), box);
        Assert.Equal(7, box!.Value.Width);
        Assert.Equal(5, box.Value.Height);
        Assert.Equal(35, box.Value.Area);
        Assert.Equal("columns 3..9, rows 2..6 (7 x 5 pixels)", box.Value.ToString());
    }

    [Fact]
    public void A_single_pixel_has_a_one_pixel_box_and_probabilities_count_from_one_half()
    {
        using var mask = zeros(8, 8);
        mask[5, 1] = tensor(0.7f);
        mask[0, 0] = tensor(0.3f);       // below one half: not part of the mask
        Assert.Equal(new BoundingBox(1, 5, 1, 5), BoundingBox.OfMask(mask));
    }

    [Fact]
    public void An_empty_mask_has_no_box()
    {
        using var mask = zeros(1, 1, 6, 6);
        Assert.Null(BoundingBox.OfMask(mask));
    }

    [Fact]
    public void A_batch_of_masks_is_refused_with_the_shape_named()
    {
        using var masks = zeros(2, 1, 6, 6);
        var error = Assert.Throws<ArgumentException>(() => BoundingBox.OfMask(masks));
        Assert.Contains("[2, 1, 6, 6]", error.Message);
    }
}
