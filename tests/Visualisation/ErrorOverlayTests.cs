using Segmentation.Augmentation;
using Segmentation.Native;
using Segmentation.Visualisation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace Lesson.Tests.Visualisation;

public class ErrorOverlayTests
{
    public ErrorOverlayTests() => TorchRuntime.EnsureLoaded();

    static Rgb24 PixelAt(Picture picture, int x, int y)
    {
        using var image = Image.Load<Rgb24>(picture.Png);
        return image[x, y];
    }

    [Fact]
    public void False_positives_and_false_negatives_get_their_own_colours_and_correct_pixels_keep_the_image()
    {
        // One row of four pixels: true positive, false positive, false negative, true negative.
        using var image = full(3, 1, 4, 0.5f);
        using var predicted = tensor(new float[] { 1, 1, 0, 0 }, [1, 1, 4]);
        using var truth = tensor(new float[] { 1, 0, 1, 0 }, [1, 1, 4]);

        var picture = ErrorOverlay.Of(image, predicted, truth, opacity: 1);

        var gray = new Rgb24(128, 128, 128);
        Assert.Equal(gray, PixelAt(picture, 0, 0));
        Assert.Equal(ErrorOverlay.FalsePositiveColour.ToPixel<Rgb24>(), PixelAt(picture, 1, 0));
        Assert.Equal(ErrorOverlay.FalseNegativeColour.ToPixel<Rgb24>(), PixelAt(picture, 2, 0));
        Assert.Equal(gray, PixelAt(picture, 3, 0));
        Assert.NotEqual(ErrorOverlay.FalsePositiveColour, ErrorOverlay.FalseNegativeColour);
        Assert.Equal("false positives 1 px, false negatives 1 px", ErrorOverlay.Counts(predicted, truth));
    }

    [Fact]
    public void Masks_of_different_shapes_are_refused()
    {
        using var image = zeros(3, 2, 2);
        var error = Assert.Throws<ArgumentException>(() => ErrorOverlay.Of(image, zeros(1, 2, 2), zeros(1, 2, 3)));
        Assert.Contains("same shape", error.Message);
    }

    [Fact]
    public void An_augmented_example_is_drawn_with_its_mask_outline_only()
    {
        // A 3x3 gray image with a one-pixel mask in the middle: the outline colours that pixel fully, nothing else.
        var example = new ImageAndMask(Enumerable.Repeat(0.5f, 27).ToArray(), [0, 0, 0, 0, 1, 0, 0, 0, 0], 3, 3);
        var picture = MaskPictures.Outline(example);
        Assert.Equal(Color.LimeGreen.ToPixel<Rgb24>(), PixelAt(picture, 1, 1));
        Assert.Equal(new Rgb24(128, 128, 128), PixelAt(picture, 0, 0));
    }
}
