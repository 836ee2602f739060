using System.Globalization;
using System.Text.RegularExpressions;

namespace Segmentation.Data;

/// <summary>
/// One frame of the Segmentation Full Body MADS dataset: a photo of a person and the person's mask,
/// named <c>{Activity}_{Sequence}_C{camera}_{frame}.png</c>, e.g. HipHop_HipHop1_C0_00180.png.
/// </summary>
/// <param name="Name">File name without extension, e.g. HipHop_HipHop1_C0_00180.</param>
/// <param name="ImagePath">Full path of the RGB image (images/NAME.png).</param>
/// <param name="MaskPath">Full path of the mask (masks/NAME.png): white person on black.</param>
/// <param name="Activity">What the person does, e.g. HipHop, Taichi.</param>
/// <param name="Sequence">The recording, e.g. HipHop1. Frames of one sequence are near-duplicates.</param>
/// <param name="Camera">Which of the cameras (0, 1, 2) filmed it; the cameras film the same moment.</param>
/// <param name="Frame">Frame number within the sequence (multiples of 45 in the dataset).</param>
public sealed partial record MadsFrame(
    string Name, string ImagePath, string MaskPath, string Activity, string Sequence, int Camera, int Frame)
    : ISegmentationPair
{
    /// <summary>MADS masks are thresholded at gray level 127, whether stored with 1, 3 or 4 channels.</summary>
    public MaskRule MaskRule => MaskRule.GrayAbove127;

    /// <summary>
    /// Identifies the recording, e.g. "HipHop_HipHop1": all its frames and cameras show nearly the same scene,
    /// so a split keeps them together (see <c>Segmentation.Loading.Split.BySequence</c>).
    /// </summary>
    public string SequenceKey => $"{Activity}_{Sequence}";

    /// <summary>
    /// Reads activity, sequence, camera and frame from a file name such as HipHop_HipHop1_C0_00180.png
    /// (the extension is optional); null when the name does not follow that pattern.
    /// </summary>
    public static (string Activity, string Sequence, int Camera, int Frame)? ParseName(string fileName)
    {
        var match = NamePattern().Match(Path.GetFileNameWithoutExtension(fileName));
        if (!match.Success)
            return null;
        return (match.Groups["activity"].Value, match.Groups["sequence"].Value,
            int.Parse(match.Groups["camera"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["frame"].Value, CultureInfo.InvariantCulture));
    }

    // The sequence may itself contain underscores, so camera and frame are matched from the end.
    [GeneratedRegex(@"^(?<activity>[A-Za-z0-9]+)_(?<sequence>[A-Za-z0-9_-]+?)_C(?<camera>\d{1,2})_(?<frame>\d{1,7})$")]
    private static partial Regex NamePattern();
}
