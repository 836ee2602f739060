namespace Segmentation.Fetch;

/// <summary>A finished, verified download.</summary>
/// <param name="Path">Full path of the complete file.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256 as lower-case hex: print it so it can be pinned with <see cref="DownloadOptions.ExpectedSha256"/>.</param>
/// <param name="ResumedFromByte">Bytes kept from an earlier, interrupted run (0 when it started from scratch).</param>
public sealed record DownloadResult(string Path, long Size, string Sha256, long ResumedFromByte);
