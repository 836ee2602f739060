using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Segmentation.Inference;
using Segmentation.Native;
using Segmentation.Visualisation;
using static TorchSharp.torch;
using static Lesson.Tests.Visualisation.PicturePixels;

namespace Lesson.Tests.Visualisation;

public class BoxPicturesTests
{
    public BoxPicturesTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void The_outline_is_drawn_inside_the_box_and_the_rest_of_the_image_is_unchanged()
    {
        using var image = full(new long[] { 3, 20, 30 }, 0.5f);
        var box = new BoundingBox(Left: 5, Top: 4, Right: 14, Bottom: 11);
        var picture = BoxPictures.Draw(image, box, Color.Blue, thickness: 2);

        var blue = new Rgb24(0, 0, 255);
        var gray = new Rgb24(128, 128, 128);
        Assert.Equal(30, picture.Width);
        Assert.Equal(20, picture.Height);
        Assert.Equal(blue, PixelAt(picture, 5, 4));     // corner
        Assert.Equal(blue, PixelAt(picture, 14, 11));   // opposite corner
        Assert.Equal(blue, PixelAt(picture, 10, 5));    // second row of the top edge
        Assert.Equal(blue, PixelAt(picture, 13, 8));    // second column of the right edge
        Assert.Equal(gray, PixelAt(picture, 10, 8));    // inside the outline
        Assert.Equal(gray, PixelAt(picture, 4, 4));     // just left of the box
        Assert.Equal(gray, PixelAt(picture, 15, 11));   // just right of it
        Assert.Equal(0.5f, image[0, 4, 5].item<float>());   // the image itself is not drawn on
    }

    [Fact]
    public void A_box_from_a_mask_frames_the_mask()
    {
        using var image = zeros(3, 16, 16);
        using var mask = zeros(1, 16, 16);
        mask[0, 3..9, 6..12] = ones(6, 6);
        var box = BoundingBox.OfMask(mask)!.Value;
        var picture = BoxPictures.Draw(image, box, thickness: 1);
        var red = Color.OrangeRed.ToPixel<Rgb24>();
        Assert.Equal(red, PixelAt(picture, 6, 3));
        Assert.Equal(red, PixelAt(picture, 11, 8));
        Assert.Equal(new Rgb24(0, 0, 0), PixelAt(picture, 8, 5));
    }

    [Fact]
    public void A_box_outside_the_image_or_a_gray_image_is_refused_with_a_reason()
    {
        using var image = zeros(3, 10, 10);
        var outside = Assert.Throws<ArgumentException>(() => BoxPictures.Draw(image, new BoundingBox(2, 2, 10, 5)));
        Assert.Contains("does not fit in the 10x10 image", outside.Message);
        using var gray = zeros(1, 10, 10);
        var notRgb = Assert.Throws<ArgumentException>(() => BoxPictures.Draw(gray, new BoundingBox(0, 0, 1, 1)));
        Assert.Contains("[1, 10, 10]", notRgb.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => BoxPictures.Draw(image, new BoundingBox(0, 0, 1, 1), thickness: 0));
    }
}
