
using Segmentation.Augmentation;

namespace Lesson.Tests.Data;

/// <summary>Augmentation moves image and mask together and keeps masks binary.</summary>
public class AugmentationTests
{
    /// <summary>
    /// An example whose red channel is exactly its mask (an L-shaped object, so every flip and turn shows), while
    /// green and blue hold a gradient. Wherever image and mask stay aligned, red still equals the mask.
    /// </summary>
    static ImageAndMask LShape(int width = 40, int height = 30)
    {
        var image = new float[3 * width * height];
        var mask = new float[width * height];
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            int p = y * width + x;
            bool inside = x is >= 5 and < 14 && y is >= 4 and < 26 || x is >= 5 and < 30 && y is >= 18 and < 26;
            mask[p] = image[p] = inside ? 1 : 0;
            image[width * height + p] = x / (float)width;
            image[2 * width * height + p] = y / (float)height;
        }
        return new ImageAndMask(image, mask, width, height);
    }

    static void AssertAligned(ImageAndMask example)
    {
        for (int p = 0; p < example.Plane; p++)
            Assert.True(example.Image[p] >= 0.5f == (example.Mask[p] == 1),
                $"pixel ({p % example.Width}, {p / example.Width}): red {example.Image[p]:F2} but mask {example.Mask[p]}");
    }

    static void AssertBinary(ImageAndMask example) => Assert.All(example.Mask, v => Assert.True(v is 0 or 1, $"mask value {v}"));

    [Fact]
    public void A_horizontal_flip_mirrors_image_and_mask_together()
    {
        var example = LShape();
        var original = example.Clone();

        Flips.Horizontal(example);

        AssertAligned(example);
        // It really moved: the L's foot now points left, and the green gradient runs the other way.
        Assert.NotEqual(original.Mask, example.Mask);
        Assert.Equal(original.Mask[20 * 40 + 6], example.Mask[20 * 40 + 33]);
        Assert.Equal(original.Image[40 * 30 + 0], example.Image[40 * 30 + 39]);
    }

    [Fact]
    public void A_vertical_flip_mirrors_image_and_mask_together()
    {
        var example = LShape();
        var original = example.Clone();

        Flips.Vertical(example);

        AssertAligned(example);
        Assert.Equal(original.Mask[20 * 40 + 6], example.Mask[9 * 40 + 6]);
        Assert.Equal(original.Image[2 * 40 * 30 + 0], example.Image[2 * 40 * 30 + 29 * 40]);
    }

    [Fact]
    public void The_alignment_check_catches_a_flip_applied_to_the_image_only()
    {
        var example = LShape();
        example.Image.AsSpan(0, example.Plane).CopyTo(example.Mask);
        for (int y = 0; y < example.Height; y++)
            example.Image.AsSpan(y * example.Width, example.Width).Reverse(); // the red plane only: mask left behind

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertAligned(example));
    }

    [Theory]
    [InlineData(7f)]
    [InlineData(-15f)]
    [InlineData(90f)]
    public void A_rotation_turns_image_and_mask_together_and_the_mask_stays_binary(float degrees)
    {
        var example = LShape(31, 31);
        var original = example.Clone();

        Rotation.Rotate(example, degrees);

        AssertAligned(example);
        AssertBinary(example);
        Assert.NotEqual(original.Mask, example.Mask);
        // A turn keeps the object's area, give or take its outline.
        Assert.InRange(example.Mask.Sum(), original.Mask.Sum() * 0.85, original.Mask.Sum() * 1.15);
    }

    [Fact]
    public void Colour_jitter_changes_the_image_only_and_keeps_values_in_0_to_1()
    {
        var example = LShape();
        var original = example.Clone();

        ColourJitter.Apply(example, brightness: 1.3f, contrast: 1.4f, saturation: 0.5f);

        Assert.Equal(original.Mask, example.Mask);
        Assert.NotEqual(original.Image, example.Image);
        Assert.All(example.Image, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Random_augmentations_keep_every_example_aligned_and_binary_and_repeat_with_the_seed()
    {
        var everything = new Augmentations
        {
            HorizontalFlipChance = 0.5, VerticalFlipChance = 0.5, MaxRotationDegrees = 25, Brightness = 0, Contrast = 0, Saturation = 0,
        };
        var flipped = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var example = LShape();
            everything.Apply(example, new Random(seed));
            AssertAligned(example);
            AssertBinary(example);

            var again = LShape();
            everything.Apply(again, new Random(seed));
            Assert.Equal(example.Image, again.Image);
            if (example.Mask[20 * 40 + 6] == 0)
                flipped++;
        }
        Assert.InRange(flipped, 5, 35); // the flips do happen, but not every time
    }

    [Fact]
    public void No_augmentation_leaves_the_example_as_it_was()
    {
        var example = LShape();
        var original = example.Clone();
        Augmentations.None.Apply(example, new Random(1));
        Assert.Equal(original.Image, example.Image);
        Assert.Equal(original.Mask, example.Mask);
    }
}
