namespace Segmentation.Data;

/// <summary>One PH2 case: a dermoscopy image, its lesion mask and its diagnosis.</summary>
/// <param name="Name">Case name, e.g. IMD003.</param>
/// <param name="ImagePath">Full path of the RGB image (IMD003_Dermoscopic_Image/IMD003.bmp).</param>
/// <param name="MaskPath">Full path of the lesion mask (IMD003_lesion/IMD003_lesion.bmp): white lesion on black.</param>
/// <param name="Diagnosis">Clinical diagnosis from PH2_dataset.txt, or <see cref="Ph2Diagnosis.Unknown"/>.</param>
/// <param name="Metadata">The case's whole row of PH2_dataset.txt, or null when the file or the row is missing.</param>
public sealed record Ph2Case(string Name, string ImagePath, string MaskPath, Ph2Diagnosis Diagnosis, Ph2Metadata? Metadata = null)
    : ISegmentationPair
{
    /// <summary>PH2 lesion masks mark the lesion with any pixel that is not black.</summary>
    public MaskRule MaskRule => MaskRule.AnyNonZero;
}
