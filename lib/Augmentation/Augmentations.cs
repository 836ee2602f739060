

namespace Segmentation.Augmentation;

/// <summary>
/// The random changes made to each training example, so that a network sees a slightly different
/// picture every epoch. Flips and rotations move image and mask together; colour changes touch the
/// image only. Set a value to 0 to switch that change off.
/// </summary>
public sealed record Augmentations
{
    /// <summary>Chance of mirroring left-right (0.5: half the time).</summary>
    public double HorizontalFlipChance { get; init; } = 0.5;

    /// <summary>Chance of mirroring top-bottom. Fine for skin lesions, wrong for people (nobody stands on their head).</summary>
    public double VerticalFlipChance { get; init; }

    /// <summary>Largest rotation either way, in degrees; each example gets a random angle up to this.</summary>
    public float MaxRotationDegrees { get; init; } = 10;

    /// <summary>Largest brightness change, as a fraction (0.1: from 90% to 110%).</summary>
    public float Brightness { get; init; } = 0.1f;

    /// <summary>Largest contrast change, as a fraction.</summary>
    public float Contrast { get; init; } = 0.1f;

    /// <summary>Largest saturation change, as a fraction.</summary>
    public float Saturation { get; init; } = 0.1f;

    /// <summary>No changes at all (for validation and test data).</summary>
    public static Augmentations None { get; } = new()
    {
        HorizontalFlipChance = 0, MaxRotationDegrees = 0, Brightness = 0, Contrast = 0, Saturation = 0,
    };

    /// <summary>For dermoscopy (PH2): a lesion has no up or left, so both flips and larger turns.</summary>
    public static Augmentations Dermoscopy { get; } = new() { VerticalFlipChance = 0.5, MaxRotationDegrees = 20 };

    /// <summary>For people (MADS): left-right flips and small turns only.</summary>
    public static Augmentations People { get; } = new() { MaxRotationDegrees = 8 };

    /// <summary>Applies the changes to <paramref name="example"/> in place, drawing every random choice from <paramref name="random"/>.</summary>
    public void Apply(ImageAndMask example, Random random)
    {
        // Draw all choices first, in a fixed order, so a seed always gives the same changes.
        bool horizontal = random.NextDouble() < HorizontalFlipChance;
        bool vertical = random.NextDouble() < VerticalFlipChance;
        float degrees = Between(random, -MaxRotationDegrees, MaxRotationDegrees);
        float brightness = 1 + Between(random, -Brightness, Brightness);
        float contrast = 1 + Between(random, -Contrast, Contrast);
        float saturation = 1 + Between(random, -Saturation, Saturation);

        if (horizontal)
            Flips.Horizontal(example);
        if (vertical)
            Flips.Vertical(example);
        Rotation.Rotate(example, degrees);
        if (brightness != 1 || contrast != 1 || saturation != 1)
            ColourJitter.Apply(example, brightness, contrast, saturation);
    }

    static float Between(Random random, float low, float high) => low + (high - low) * random.NextSingle();
}
