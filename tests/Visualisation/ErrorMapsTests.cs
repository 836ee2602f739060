using Segmentation.Augmentation;
using Segmentation.Native;
using Segmentation.Visualisation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;
using static Lesson.Tests.Visualisation.PicturePixels;

namespace Lesson.Tests.Visualisation;

public class ErrorMapsTests
{
    public ErrorMapsTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Found_pixels_false_positives_and_false_negatives_get_their_own_colours_and_the_rest_is_dimmed()
    {
        // One row of four pixels: true positive, false positive, false negative, true negative.
        using var image = full(3, 1, 4, 0.5f);
        using var predicted = tensor(new float[] { 1, 1, 0, 0 }, [1, 1, 4]);
        using var truth = tensor(new float[] { 1, 0, 1, 0 }, [1, 1, 4]);

        var picture = ErrorMaps.Draw(image, predicted, truth);

        var found = PixelAt(picture, 0, 0);
        var falsePositive = PixelAt(picture, 1, 0);
        var falseNegative = PixelAt(picture, 2, 0);
        var background = PixelAt(picture, 3, 0);
        Assert.True(found.G > found.R && found.G > found.B, $"found pixels are not green: {found}");
        Assert.True(falsePositive.R > falsePositive.G && falsePositive.G > falsePositive.B, $"a false positive is not vermillion: {falsePositive}");
        Assert.True(falseNegative.B > falseNegative.G && falseNegative.G > falseNegative.R, $"a false negative is not blue: {falseNegative}");
        // The rest keeps the image's gray, dimmed so the colours stand out.
        Assert.Equal(background.R, background.G);
        Assert.Equal(background.G, background.B);
        Assert.InRange((int)background.R, 50, 64);
        Assert.Equal("false positives 1 px, false negatives 1 px", ErrorMaps.Counts(predicted, truth));
    }

    [Fact]
    public void Masks_that_do_not_fit_are_refused_with_their_shapes()
    {
        using var image = zeros(3, 2, 2);
        var error = Assert.Throws<ArgumentException>(() => ErrorMaps.Counts(zeros(1, 2, 2), zeros(1, 2, 3)));
        Assert.Contains("same shape", error.Message);
        var drawn = Assert.Throws<ArgumentException>(() => ErrorMaps.Draw(image, zeros(1, 2, 2), zeros(1, 2, 3)));
        Assert.Contains("[1, 2, 3]", drawn.Message);
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
