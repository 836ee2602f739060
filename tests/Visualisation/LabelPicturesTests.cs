using Segmentation.Inference;
using Segmentation.Visualisation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;
using static Lesson.Tests.Visualisation.PicturePixels;

namespace Lesson.Tests.Visualisation;

public class LabelPicturesTests
{
    [Fact]
    public void Class_ids_get_the_colours_given_and_can_be_enlarged()
    {
        using var ids = tensor(new long[] { 0, 1, 2, 1 }, [2, 2]);
        var picture = LabelPictures.FromClassIds(ids, scale: 3, Color.Black, Color.Red, Color.Blue);

        Assert.Equal((6, 6), (picture.Width, picture.Height));
        Assert.Equal(new Rgb24(0, 0, 0), PixelAt(picture, 2, 2));
        Assert.Equal(new Rgb24(255, 0, 0), PixelAt(picture, 3, 0));
        Assert.Equal(new Rgb24(0, 0, 255), PixelAt(picture, 0, 5));
    }

    [Fact]
    public void A_class_without_a_colour_or_a_one_hot_tensor_is_refused_with_a_reason()
    {
        using var ids = tensor(new long[] { 0, 3 }, [1, 2]);
        var error = Assert.Throws<ArgumentException>(() => LabelPictures.FromClassIds(ids, 1, Color.Black, Color.Red));
        Assert.Contains("Class id 3", error.Message);
        using var oneHot = zeros(3, 4, 4);
        Assert.Contains("argmax", Assert.Throws<ArgumentException>(() => LabelPictures.FromClassIds(oneHot)).Message);
    }

    [Fact]
    public void Components_get_a_palette_colour_each_on_black()
    {
        var map = ConnectedComponents.Label(new[,] { { true, false, true } });
        var picture = LabelPictures.FromComponents(map);

        Assert.Equal(new Rgb24(0, 0, 0), PixelAt(picture, 1, 0));
        Assert.Equal(LabelPictures.Palette[1].ToPixel<Rgb24>(), PixelAt(picture, 0, 0));
        Assert.Equal(LabelPictures.Palette[2].ToPixel<Rgb24>(), PixelAt(picture, 2, 0));
    }

    [Fact]
    public void Enlarge_repeats_pixels_without_blurring()
    {
        using var mask = tensor(new float[] { 0, 1, 1, 0 }, [1, 2, 2]);
        using var big = LabelPictures.Enlarge(mask, 2);

        Assert.Equal(new long[] { 1, 4, 4 }, big.shape);
        Assert.Equal(new float[] { 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0 }, big.data<float>().ToArray());
    }

    [Fact]
    public void Discs_that_touch_make_one_region()
    {
        using var mask = MaskDrawing.Discs(20, 40, new Disc(5, 10, 3), new Disc(20, 10, 4), new Disc(26, 10, 3));

        Assert.Equal(new long[] { 1, 20, 40 }, mask.shape);
        Assert.Equal(1f, mask[0, 10, 5].item<float>());
        Assert.Equal(0f, mask[0, 0, 0].item<float>());
        Assert.Equal(2, ConnectedComponents.Label(mask).Count);
    }
}

public class NumberGridTests
{
    [Fact]
    public void A_grid_prints_aligned_rows_and_refuses_a_batch()
    {
        using var values = tensor(new float[] { 0.5f, -12.25f, 3, 0 }, [1, 1, 2, 2]);
        Assert.Equal("  0.50  -12.25\n  3.00    0.00", NumberGrid.Of(values, 2));
        using var batch = zeros(2, 2, 2);
        Assert.Throws<ArgumentException>(() => NumberGrid.Of(batch));
    }
}
