using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Segmentation.Fetch;

/// <summary>
/// Downloads one file over HTTP(S) so that it survives a bad connection: the bytes received so far stay in
/// <c>NAME.partial</c>, an interrupted download continues from there with an HTTP range request (in this run or
/// the next), transient failures are retried with growing pauses, and the file appears under its real name
/// only once its size (and SHA-256, when known) check out. A file with the real name is therefore complete.
/// </summary>
public static class ResumableDownload
{
    /// <summary>Added to the file name while the download is incomplete.</summary>
    public const string PartialSuffix = ".partial";

    // Next to the partial file: the URL it came from and the server's version tag (ETag or Last-Modified),
    // so that a resume never glues bytes of a different file (or a changed one) onto the old ones.
    const string SourceSuffix = ".partial-source";

    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="destinationFile"/>, resuming a partial download of the
    /// same URL left by an earlier run, and returns the verified file's size and SHA-256.
    /// </summary>
    /// <exception cref="DownloadRefusedException">The server refused (401, 403, 404, ...): retrying will not help.</exception>
    /// <exception cref="FetchException">The tries ran out, or the size or SHA-256 is wrong (the bad file is deleted).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; what was received is kept for the next run.</exception>
    public static async Task<DownloadResult> RunAsync(
        Uri url, string destinationFile, DownloadOptions? options = null,
        IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new DownloadOptions();
        RefuseCredentialsInTheClear(url, options);
        var destination = Path.GetFullPath(destinationFile);
        var partial = destination + PartialSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        ForgetPartialOfAnotherUrl(url, partial);
        long resumedFrom = FileLength(partial);
        if (resumedFrom > 0)
            options.Log?.WriteLine($"  resuming: {resumedFrom:N0} bytes are already in '{partial}'");

        using var client = CreateClient();
        long? announcedSize = null;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                announcedSize = await ReceiveAsync(client, url, partial, options, progress, cancellationToken);
                break;
            }
            catch (TransientFailure failure) when (attempt < options.MaxAttempts)
            {
                var pause = RetryPause(options.FirstRetryDelay, attempt);
                options.Log?.WriteLine(
                    $"  {failure.Message}; trying again in {pause.TotalSeconds:0.#} s (try {attempt + 1} of {options.MaxAttempts})");
                await Task.Delay(pause, cancellationToken);
            }
            catch (TransientFailure failure)
            {
                long kept = FileLength(partial);
                throw new FetchException(
                    $"Downloading {url} failed {options.MaxAttempts} times; the last time {failure.Message}. " +
                    (kept > 0
                        ? $"The {kept:N0} bytes received so far are kept in '{partial}': run the same command again later to continue from there."
                        : "Check the address and the network connection, then run the same command again."),
                    failure.InnerException);
            }
        }

        return await VerifyAndLandAsync(url, partial, destination, announcedSize, resumedFrom, options, cancellationToken);
    }

    /// <summary>One request: asks for the bytes not yet on disk and appends them. Returns the full size the server announced.</summary>
    static async Task<long?> ReceiveAsync(
        HttpClient client, Uri url, string partial, DownloadOptions options,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        long have = FileLength(partial);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (options.Credentials is { } token)
            request.Headers.Authorization = token.ToAuthorizationHeader();
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
            // If-Range: "send the rest only if the file is still the one I have, else send it all (200)".
            if (ReadSource(partial).Version is { } version)
                request.Headers.TryAddWithoutValidation("If-Range", version);
        }

        using var response = await SendAsync(client, request, cancellationToken);
        bool append;
        long? total;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent:
                var range = response.Content.Headers.ContentRange;
                if (range?.From != have)
                {
                    DeletePartial(partial);
                    throw new TransientFailure($"the server sent bytes from {range?.From} instead of {have}, so the download starts over");
                }
                append = true;
                total = range.Length;
                break;
            case HttpStatusCode.OK:
                if (have > 0)
                    options.Log?.WriteLine("  the server sent the whole file instead of the rest (it cannot resume, or the file changed): starting over");
                append = false;
                total = response.Content.Headers.ContentLength;
                break;
            case HttpStatusCode.RequestedRangeNotSatisfiable when response.Content.Headers.ContentRange?.Length == have:
                return have; // asked for bytes past the end: the earlier run had already received everything
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                DeletePartial(partial);
                throw new TransientFailure($"the server could not continue from byte {have:N0}, so the download starts over");
            case var status when IsTransient(status):
                throw new TransientFailure($"the server answered {(int)status} {response.ReasonPhrase}");
            default:
                throw new DownloadRefusedException(url, (int)response.StatusCode, response.ReasonPhrase);
        }

        // Links to file-sharing sites answer a login or "link expired" page with 200: that is not the archive.
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
            throw new FetchException(
                $"{url} sent a web page instead of the file: the link may have expired or need a login. " +
                "Download the file in a browser and pass it with --from FILE.");

        WriteSource(partial, url, response);
        await CopyBodyAsync(response, partial, append, total, options.StallTimeout, progress, cancellationToken);
        return total;
    }

    static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new TransientFailure($"the connection failed ({error.Message})", error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientFailure("the server did not answer in time", error);
        }
    }

    static async Task CopyBodyAsync(
        HttpResponseMessage response, string partial, bool append, long? total, TimeSpan stallTimeout,
        IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            // FileShare.None: a second download into the same file at the same time fails here instead of mixing bytes.
            file = new FileStream(partial, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (IOException error)
        {
            throw new FetchException($"Cannot write '{partial}': {error.Message} Is another download into the same folder running?", error);
        }

        await using (file)
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[1 << 16];
            long received = file.Length;
            progress?.Report(new DownloadProgress(received, total));
            while (true)
            {
                int count = await ReadWithStallTimeoutAsync(body, buffer, stallTimeout, received, cancellationToken);
                if (count == 0)
                    break;
                await file.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
                received += count;
                progress?.Report(new DownloadProgress(received, total));
            }

            if (total is long expected && received < expected)
                throw new TransientFailure($"the connection closed after {received:N0} of {expected:N0} bytes");
            if (total is long announced && received > announced)
            {
                await file.DisposeAsync();
                DeletePartial(partial);
                throw new FetchException(
                    $"{response.RequestMessage?.RequestUri} sent {received:N0} bytes but announced {announced:N0}; " +
                    "the download was deleted. Try again; if it happens again, the server is misbehaving.");
            }
        }
    }

    static async Task<int> ReadWithStallTimeoutAsync(
        Stream body, byte[] buffer, TimeSpan stallTimeout, long received, CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(stallTimeout);
        try
        {
            return await body.ReadAsync(buffer, stall.Token);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientFailure($"no data arrived for {stallTimeout.TotalSeconds:0} s after {received:N0} bytes", error);
        }
        catch (Exception error) when (error is IOException or HttpRequestException)
        {
            throw new TransientFailure($"the connection broke after {received:N0} bytes ({error.Message})", error);
        }
    }

    static async Task<DownloadResult> VerifyAndLandAsync(
        Uri url, string partial, string destination, long? announcedSize, long resumedFrom,
        DownloadOptions options, CancellationToken cancellationToken)
    {
        long size = FileLength(partial);
        if (options.ExpectedSize is long expectedSize && size != expectedSize)
        {
            DeletePartial(partial);
            throw new FetchException(
                $"{url} gave {size:N0} bytes but {expectedSize:N0} were expected; the download was deleted. " +
                "The server may serve a different file now: check the URL.");
        }
        if (announcedSize is null)
            options.Log?.WriteLine("  the server did not announce the size, so only the SHA-256 can vouch for this file");

        var sha256 = await Sha256HexAsync(partial, cancellationToken);
        if (options.ExpectedSha256 is { } expectedSha && !string.Equals(sha256, expectedSha.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            DeletePartial(partial);
            throw new FetchException(
                $"The file from {url} has SHA-256 {sha256}, not the expected {expectedSha.Trim()}; it was deleted. " +
                "Either the download was damaged (run again) or the server now serves a different file (check the pinned value).");
        }

        // A rename is all or nothing: the real name only ever holds a complete, checked file.
        File.Move(partial, destination, overwrite: true);
        File.Delete(partial + SourceSuffix);
        return new DownloadResult(destination, size, sha256, resumedFrom);
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static async Task<string> Sha256HexAsync(string file, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    static void RefuseCredentialsInTheClear(Uri url, DownloadOptions options)
    {
        // Basic authorization is only base64: over plain HTTP anyone on the way could read the key.
        if (options.Credentials is not null && url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            throw new FetchException($"Refusing to send the {options.Credentials} over plain HTTP to {url}: use an https:// address.");
    }

    static HttpClient CreateClient()
    {
        // Redirects are followed (file hosts redirect to storage servers); .NET drops the Authorization header
        // when it follows one, so the Kaggle key goes to Kaggle only. No automatic decompression: byte ranges
        // must count the bytes of the file itself.
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(100) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("lesson-fetch/1.0");
        return client;
    }

    static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    static TimeSpan RetryPause(TimeSpan first, int attempt) =>
        TimeSpan.FromTicks(Math.Min(first.Ticks * (1L << Math.Min(attempt - 1, 20)), TimeSpan.FromMinutes(1).Ticks));

    static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    static void DeletePartial(string partial)
    {
        File.Delete(partial);
        File.Delete(partial + SourceSuffix);
    }

    static void ForgetPartialOfAnotherUrl(Uri url, string partial)
    {
        if (File.Exists(partial) && ReadSource(partial).Url != url.AbsoluteUri)
            DeletePartial(partial);
    }

    static (string? Url, string? Version) ReadSource(string partial)
    {
        var path = partial + SourceSuffix;
        if (!File.Exists(path))
            return (null, null);
        var lines = File.ReadAllLines(path);
        return (lines.ElementAtOrDefault(0), string.IsNullOrEmpty(lines.ElementAtOrDefault(1)) ? null : lines[1]);
    }

    static void WriteSource(string partial, Uri url, HttpResponseMessage response)
    {
        // If-Range accepts a strong ETag or a date; a weak ETag (W/"...") would make every resume start over.
        var etag = response.Headers.ETag;
        string? version = etag is { IsWeak: false } ? etag.ToString()
            : response.Content.Headers.LastModified?.ToString("R");
        File.WriteAllLines(partial + SourceSuffix, [url.AbsoluteUri, version ?? ""]);
    }

    /// <summary>A failure that may go away on its own: worth another try after a pause.</summary>
    sealed class TransientFailure(string message, Exception? inner = null) : Exception(message, inner);
}
