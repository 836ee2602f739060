using Segmentation.Loading;
using static TorchSharp.torch;

namespace Lesson.Tests.Data;

public class LesionColourRegionsTests
{
    [Fact]
    public void Skin_stays_class_0_and_the_lesion_splits_at_its_median_brightness()
    {
        // One row of four pixels: skin, then lesion pixels of brightness 0.2, 0.4, 0.6.
        float[] gray = [0.9f, 0.2f, 0.4f, 0.6f];
        using var image = tensor(gray.Concat(gray).Concat(gray).ToArray(), [3, 1, 4]);
        using var mask = tensor(new float[] { 0, 1, 1, 1 }, [1, 1, 4]);

        using var classes = LesionColourRegions.Classify(image, mask);

        Assert.Equal(new long[] { 1, 4 }, classes.shape);
        Assert.Equal(new long[] { LesionColourRegions.Skin, LesionColourRegions.DarkerLesion, LesionColourRegions.LighterLesion, LesionColourRegions.LighterLesion },
            classes.data<long>().ToArray());
    }

    [Fact]
    public void A_mask_of_another_size_is_refused()
    {
        using var image = zeros(3, 4, 4);
        using var mask = zeros(1, 4, 5);
        Assert.Throws<ArgumentException>(() => LesionColourRegions.Classify(image, mask));
    }
}
