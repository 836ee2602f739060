namespace Segmentation.Loading;

/// <summary>
/// How image values are scaled before they reach a network: each channel becomes (value - mean) / std,
/// where value is in 0..1. The Python lesson uses <see cref="None"/> (plain 0..1).
/// </summary>
/// <param name="Mean">Per-channel mean to subtract (red, green, blue).</param>
/// <param name="Std">Per-channel standard deviation to divide by (red, green, blue).</param>
public sealed record Normalisation(float[] Mean, float[] Std)
{
    /// <summary>Values stay in 0..1, as in the original lesson.</summary>
    public static Normalisation None { get; } = new([0f, 0f, 0f], [1f, 1f, 1f]);

    /// <summary>Values in -1..1 (mean 0.5, std 0.5 for every channel).</summary>
    public static Normalisation MinusOneToOne { get; } = new([0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f]);

    /// <summary>The ImageNet means and deviations that networks pretrained on ImageNet expect.</summary>
    public static Normalisation ImageNet { get; } = new([0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    /// <summary>Scales a channel-first RGB image ([3, H, W] values in 0..1) in place.</summary>
    public void Apply(Span<float> image)
    {
        if (Mean.Length != 3 || Std.Length != 3 || Std.Any(s => s <= 0))
            throw new InvalidOperationException("A normalisation needs three means and three positive standard deviations (red, green, blue).");
        int plane = image.Length / 3;
        for (int channel = 0; channel < 3; channel++)
        {
            float mean = Mean[channel], scale = 1 / Std[channel];
            foreach (ref float value in image.Slice(channel * plane, plane))
                value = (value - mean) * scale;
        }
    }
}
