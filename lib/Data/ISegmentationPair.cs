namespace Segmentation.Data;

/// <summary>An image file and the mask file that belongs to it: what a data loader needs from any dataset's case.</summary>
public interface ISegmentationPair
{
    /// <summary>A name for error messages and reports, e.g. the PH2 case IMD003 or the MADS frame HipHop_HipHop1_C0_00180.</summary>
    string Name { get; }

    /// <summary>Full path of the RGB image.</summary>
    string ImagePath { get; }

    /// <summary>Full path of the mask, the same size as the image.</summary>
    string MaskPath { get; }

    /// <summary>How the mask file marks the object.</summary>
    MaskRule MaskRule { get; }
}
