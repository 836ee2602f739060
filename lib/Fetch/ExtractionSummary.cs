namespace Segmentation.Fetch;

/// <summary>What <see cref="ArchiveExtractor.Extract"/> wrote.</summary>
/// <param name="Format">The archive's format as SharpCompress named it: RAR, ZIP, SEVENZIP, TAR, ...</param>
/// <param name="Files">Files written (folders not counted).</param>
/// <param name="Bytes">Bytes written in all.</param>
public sealed record ExtractionSummary(string Format, int Files, long Bytes);
