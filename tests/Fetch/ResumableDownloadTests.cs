using System.Security.Cryptography;
using Segmentation.Fetch;

namespace Lesson.Tests.Fetch;

public class ResumableDownloadTests
{
    readonly string folder = RepoPaths.NewTempFolder("download");
    readonly byte[] content = RandomNumberGenerator.GetBytes(300_000);

    string Destination => Path.Combine(folder, "PH2Dataset.rar");
    string Partial => Destination + ResumableDownload.PartialSuffix;
    string ContentSha256 => Convert.ToHexStringLower(SHA256.HashData(content));

    static DownloadOptions Quick(int attempts = 4) =>
        new() { MaxAttempts = attempts, FirstRetryDelay = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task Downloads_a_file_reports_progress_and_its_sha256()
    {
        using var server = new LocalHttpServer(request => Reply.File(content, request));
        var progress = new RecordingProgress();

        var result = await ResumableDownload.RunAsync(server.Url("PH2Dataset.rar"), Destination, Quick(), progress);

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(ContentSha256, result.Sha256);
        Assert.Equal(content.Length, result.Size);
        Assert.False(File.Exists(Partial));
        Assert.Equal([Destination], Directory.GetFiles(folder)); // no partial or bookkeeping files left
        Assert.Equal(content.Length, progress.Reports[^1].BytesReceived);
        Assert.Equal(content.Length, progress.Reports[^1].TotalBytes);
        Assert.True(progress.Reports.Count > 2, "progress is reported while the bytes arrive, not only at the end");
    }

    [Fact]
    public async Task Resumes_a_connection_cut_midway_with_a_range_request_in_the_same_run()
    {
        int requests = 0;
        using var server = new LocalHttpServer(request =>
            Interlocked.Increment(ref requests) == 1
                ? Reply.File(content, request) with { CutAfterBytes = 120_000 }
                : Reply.File(content, request));
        var log = new StringWriter();

        var result = await ResumableDownload.RunAsync(server.Url("f"), Destination, Quick() with { Log = log });

        Assert.Equal(content, File.ReadAllBytes(Destination));
        var second = server.Requests.ElementAt(1);
        Assert.Equal("bytes=120000-", second.Header("Range"));
        Assert.Equal("\"v1\"", second.Header("If-Range"));
        Assert.Contains("120,000", log.ToString());
        Assert.Equal(ContentSha256, result.Sha256);
    }

    [Fact]
    public async Task A_download_cut_in_one_run_is_kept_as_partial_and_resumed_by_the_next_run()
    {
        bool cut = true;
        using var server = new LocalHttpServer(request => Reply.File(content, request) with { CutAfterBytes = cut ? 200_000 : null });
        var error = await Assert.ThrowsAsync<FetchException>(
            () => ResumableDownload.RunAsync(server.Url("f"), Destination, Quick(attempts: 1)));
        Assert.Contains("200,000 bytes received so far are kept", error.Message);
        Assert.False(File.Exists(Destination), "an incomplete download must never carry the real name");
        Assert.Equal(200_000, new FileInfo(Partial).Length);

        cut = false;
        var result = await ResumableDownload.RunAsync(server.Url("f"), Destination, Quick());

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(200_000, result.ResumedFromByte);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("bytes=200000-", server.Requests.Last().Header("Range"));
        Assert.False(File.Exists(Partial));
    }

    [Fact]
    public async Task Starts_over_when_the_file_changed_on_the_server_since_the_partial_download()
    {
        var old = RandomNumberGenerator.GetBytes(300_000);
        bool changed = false;
        using var server = new LocalHttpServer(request => changed
            ? Reply.File(content, request, etag: "\"new\"")
            : Reply.File(old, request, etag: "\"old\"") with { CutAfterBytes = 100_000 });
        await Assert.ThrowsAsync<FetchException>(() => ResumableDownload.RunAsync(server.Url("f"), Destination, Quick(attempts: 1)));

        changed = true;
        await ResumableDownload.RunAsync(server.Url("f"), Destination, Quick());

        // If-Range named the old version, so the server sent the whole new file rather than gluing two together.
        Assert.Equal("\"old\"", server.Requests.Last().Header("If-Range"));
        Assert.Equal(content, File.ReadAllBytes(Destination));
    }

    [Fact]
    public async Task Does_not_resume_a_partial_download_of_another_address()
    {
        bool cut = true;
        using var server = new LocalHttpServer(request => Reply.File(content, request) with { CutAfterBytes = cut ? 100_000 : null });
        await Assert.ThrowsAsync<FetchException>(() => ResumableDownload.RunAsync(server.Url("mirror-a"), Destination, Quick(attempts: 1)));

        cut = false;
        var result = await ResumableDownload.RunAsync(server.Url("mirror-b"), Destination, Quick());

        Assert.Equal(0, result.ResumedFromByte);
        Assert.Null(server.Requests.Last().Header("Range"));
        Assert.Equal(content, File.ReadAllBytes(Destination));
    }

    [Fact]
    public async Task Retries_after_server_errors_then_succeeds()
    {
        int requests = 0;
        using var server = new LocalHttpServer(request =>
            Interlocked.Increment(ref requests) <= 2 ? Reply.Error(503, "Service Unavailable") : Reply.File(content, request));
        var log = new StringWriter();

        await ResumableDownload.RunAsync(server.Url("f"), Destination, Quick() with { Log = log });

        Assert.Equal(content, File.ReadAllBytes(Destination));
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("503", log.ToString());
        Assert.Contains("try 3 of 4", log.ToString());
    }

    [Fact]
    public async Task Gives_up_after_the_last_try_and_says_so()
    {
        using var server = new LocalHttpServer(_ => Reply.Error(500, "Internal Server Error"));

        var error = await Assert.ThrowsAsync<FetchException>(
            () => ResumableDownload.RunAsync(server.Url("f"), Destination, Quick(attempts: 3)));

        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("failed 3 times", error.Message);
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task Does_not_retry_a_refusal()
    {
        using var server = new LocalHttpServer(_ => Reply.Error(404, "Not Found"));

        var error = await Assert.ThrowsAsync<DownloadRefusedException>(
            () => ResumableDownload.RunAsync(server.Url("missing.rar"), Destination, Quick()));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("missing.rar", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Deletes_a_download_whose_sha256_does_not_match_the_pinned_one()
    {
        using var server = new LocalHttpServer(request => Reply.File(content, request));
        var pinned = new string('0', 64);

        var error = await Assert.ThrowsAsync<FetchException>(
            () => ResumableDownload.RunAsync(server.Url("f"), Destination, Quick() with { ExpectedSha256 = pinned }));

        Assert.Contains(ContentSha256, error.Message);
        Assert.Contains(pinned, error.Message);
        Assert.False(File.Exists(Destination));
        Assert.False(File.Exists(Partial));
    }

    [Fact]
    public async Task Accepts_a_download_whose_sha256_matches_the_pinned_one_in_any_case()
    {
        using var server = new LocalHttpServer(request => Reply.File(content, request));

        await ResumableDownload.RunAsync(server.Url("f"), Destination, Quick() with { ExpectedSha256 = ContentSha256.ToUpperInvariant() });

        Assert.True(File.Exists(Destination));
    }

    [Fact]
    public async Task Refuses_a_web_page_served_in_place_of_the_file()
    {
        using var server = new LocalHttpServer(request => Reply.File("<html>Link expired</html>"u8.ToArray(), request, contentType: "text/html"));

        var error = await Assert.ThrowsAsync<FetchException>(() => ResumableDownload.RunAsync(server.Url("f"), Destination, Quick()));

        Assert.Contains("web page", error.Message);
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task Refuses_to_send_credentials_over_plain_http_to_another_machine()
    {
        var token = new KaggleToken("learner", "secret-key-123", "a test");

        var error = await Assert.ThrowsAsync<FetchException>(() => ResumableDownload.RunAsync(
            new Uri("http://example.invalid/datasets/download/x"), Destination, Quick() with { Credentials = token }));

        Assert.Contains("https", error.Message);
        Assert.DoesNotContain("secret-key-123", error.Message);
    }

    sealed class RecordingProgress : IProgress<DownloadProgress>
    {
        public List<DownloadProgress> Reports { get; } = [];
        public void Report(DownloadProgress value) => Reports.Add(value);
    }
}
