namespace Segmentation.Fetch;

/// <summary>
/// How big an archive may expand before <see cref="ArchiveExtractor"/> refuses it. The defaults leave room for
/// PH2 (about 1 GB extracted) and MADS (about 0.5 GB) many times over, and stop an archive crafted to fill the disk.
/// </summary>
/// <param name="MaxTotalBytes">Most bytes all files together may hold once extracted.</param>
/// <param name="MaxEntries">Most entries (files and folders) the archive may list.</param>
public sealed record ExtractionLimits(long MaxTotalBytes, int MaxEntries)
{
    /// <summary>8 GiB and 200,000 entries.</summary>
    public static ExtractionLimits Default { get; } = new(8L << 30, 200_000);
}
