namespace Segmentation.Data;

/// <summary>
/// How a dataset's mask files mark the object. Each dataset documents its own rule, and mixing them up
/// fattens or thins every mask, so each case carries the rule of its dataset.
/// </summary>
public enum MaskRule
{
    /// <summary>
    /// Any pixel that is not black is object (PH2: lesion masks are stored as 1-bit, 8-bit or 24-bit BMP).
    /// </summary>
    AnyNonZero,

    /// <summary>
    /// Pixels whose gray level (0.299 R + 0.587 G + 0.114 B, alpha ignored) is above 127 are object
    /// (MADS: person masks, white on black, stored with 1, 3 or 4 channels).
    /// </summary>
    GrayAbove127,
}
