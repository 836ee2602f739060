using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Segmentation.Native;
using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Lesson.Tests.Visualisation;

public class ZoomTests
{
    public ZoomTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void An_image_is_shown_larger_in_colour_each_pixel_a_square()
    {
        using var image = zeros(3, 2, 2);
        image[0, 0, 1] = tensor(1f);     // one red pixel, top right
        var picture = Zoom.Image(image, factor: 3);
        Assert.Equal(6, picture.Width);
        Assert.Equal(6, picture.Height);
        using var png = Image.Load<Rgb24>(picture.Png);
        Assert.Equal(new Rgb24(255, 0, 0), png[3, 0]);
        Assert.Equal(new Rgb24(255, 0, 0), png[5, 2]);
        Assert.Equal(new Rgb24(0, 0, 0), png[2, 2]);
    }

    [Fact]
    public void A_mask_is_shown_larger_white_on_black_and_the_default_is_twice()
    {
        using var mask = zeros(1, 4, 3);
        mask[0, 3, 0] = tensor(1f);
        var picture = Zoom.Mask(mask);
        Assert.Equal(6, picture.Width);
        Assert.Equal(8, picture.Height);
        using var png = Image.Load<Rgb24>(picture.Png);
        Assert.Equal(new Rgb24(255, 255, 255), png[1, 7]);
        Assert.Equal(new Rgb24(0, 0, 0), png[2, 7]);
        // A mask has one channel: an RGB image given as a mask is refused.
        using var image = zeros(3, 4, 3);
        Assert.Throws<ArgumentException>(() => Zoom.Mask(image));
    }
}
