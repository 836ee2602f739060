namespace Segmentation.Fetch;

/// <summary>
/// Fetching a dataset failed for a reason the learner can act on. The message names the file or URL,
/// says what is wrong and what to do; it never contains credentials.
/// </summary>
public class FetchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The server answered a download with a refusal that retrying will not fix (401, 403, 404, ...).</summary>
public sealed class DownloadRefusedException(Uri url, int statusCode, string? reason)
    : FetchException($"{url} answered {statusCode} {reason}.")
{
    /// <summary>The URL that was asked for (the one given, not where redirects led).</summary>
    public Uri Url { get; } = url;

    /// <summary>The HTTP status code of the refusal.</summary>
    public int StatusCode { get; } = statusCode;
}

/// <summary>An archive could not be read to the end: damaged, truncated, or not an archive at all.</summary>
public sealed class DamagedArchiveException(string message, Exception? inner = null) : FetchException(message, inner);

/// <summary>
/// An archive was refused before anything was written: an entry would land outside the destination,
/// is a link, or the archive expands beyond the size limit.
/// </summary>
public sealed class UnsafeArchiveException(string message) : FetchException(message);
