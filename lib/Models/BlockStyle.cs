namespace Segmentation.Models;

/// <summary>Which convolution block a <see cref="UNet"/> is built from.</summary>
public enum BlockStyle
{
    /// <summary>
    /// The lesson's network: one <see cref="ConvBlock"/> (conv 3x3 -> ReLU -> batch norm) per level, and the top
    /// level's upsampled map plus skip go straight into the 1x1 head, as in the original notebook.
    /// </summary>
    Lesson,

    /// <summary>
    /// The common U-Net of Ronneberger et al.: a <see cref="DoubleConvBlock"/> (conv -> batch norm -> ReLU, twice)
    /// per level, decoder blocks on every level including the top one, then the 1x1 head.
    /// </summary>
    Double,
}
