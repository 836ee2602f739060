namespace Segmentation.Fetch;

/// <summary>How far a download has come.</summary>
/// <param name="BytesReceived">Bytes of the file on disk so far, including those kept from an earlier, interrupted try.</param>
/// <param name="TotalBytes">The file's full size as the server announced it; null when the server did not say.</param>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes)
{
    /// <summary>Fraction done between 0 and 1, or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is > 0 ? (double)BytesReceived / TotalBytes.Value : null;
}
