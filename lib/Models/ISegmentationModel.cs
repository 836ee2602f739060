namespace Segmentation.Models;

/// <summary>
/// What every segmentation network of the kit tells about itself: what it takes, what it returns, and which
/// image sizes it accepts. The predictor and the model catalogue read this instead of guessing.
/// </summary>
public interface ISegmentationModel
{
    /// <summary>Channels of the input images (3 for RGB).</summary>
    long InChannels { get; }

    /// <summary>Output channels: 1 for a binary mask (one logit per pixel), C for C classes.</summary>
    long Classes { get; }

    /// <summary>Channel widths of the encoder levels, top (full size) first.</summary>
    IReadOnlyList<long> Widths { get; }

    /// <summary>How many times the encoder halves the image: one max-pooling per level, so <c>Widths.Count</c>.</summary>
    int Depth { get; }

    /// <summary>Input height and width must be multiples of this (2 to the power <see cref="Depth"/>), or the halvings leave a remainder.</summary>
    int SizeMultiple { get; }
}
