namespace Segmentation.Fetch;

/// <summary>How <see cref="ResumableDownload"/> checks, retries and authenticates one download.</summary>
public sealed record DownloadOptions
{
    /// <summary>The file's SHA-256 as 64 hex digits, when it is known; a mismatch deletes the file and fails.</summary>
    public string? ExpectedSha256 { get; init; }

    /// <summary>The file's size in bytes, when it is known; the server's announced size is always checked too.</summary>
    public long? ExpectedSize { get; init; }

    /// <summary>A Kaggle API token to send as HTTP Basic authorization; only ever sent over HTTPS (or to this machine).</summary>
    public KaggleToken? Credentials { get; init; }

    /// <summary>How many times to try in all before giving up on transient failures (dropped connections, 5xx, 429).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Pause before the second try; it doubles for each further try (1, 2, 4, ... seconds, at most a minute).</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A connection that delivers no data for this long counts as dropped, and is retried.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where to write one line per retry or restart (the console in <c>lesson fetch</c>); null for none.</summary>
    public TextWriter? Log { get; init; }
}
