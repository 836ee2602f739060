using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lesson.Tests.Fetch;

/// <summary>
/// A real, minimal HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for the fetch tests: every request gets one
/// response and the connection closes. Written on TcpListener so a test can do what well-behaved servers never
/// do: cut a response midway, or answer 503. It records every request it saw.
/// </summary>
sealed class LocalHttpServer : IDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly Func<SeenRequest, Reply> handle;
    readonly CancellationTokenSource stop = new();
    readonly Task acceptLoop;

    public LocalHttpServer(Func<SeenRequest, Reply> handle)
    {
        this.handle = handle;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var request = await ReadRequestAsync(stream);
            if (request is null)
                return;
            Requests.Enqueue(request);
            var reply = handle(request);
            var head = new StringBuilder($"HTTP/1.1 {reply.Status} {reply.Reason}\r\n");
            head.Append($"Content-Length: {reply.Body.Length}\r\nConnection: close\r\n");
            foreach (var (name, value) in reply.Headers)
                head.Append($"{name}: {value}\r\n");
            head.Append("\r\n");
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
                // A cut sends fewer bytes than Content-Length announced, then hangs up: a dropped connection.
                int length = Math.Min(reply.Body.Length, reply.CutAfterBytes ?? int.MaxValue);
                await stream.WriteAsync(reply.Body.AsMemory(0, length));
                await stream.FlushAsync();
            }
            catch (IOException)
            {
                // The client hung up first (it may refuse a reply halfway): nothing to do.
            }
        }
    }

    static async Task<SeenRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1];
        while (bytes.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(buffer) == 0)
                return null;
            bytes.Add(buffer[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
                break;
        }
        var lines = Encoding.ASCII.GetString(bytes.ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Contains(':')))
            headers[line[..line.IndexOf(':')].Trim()] = line[(line.IndexOf(':') + 1)..].Trim();
        return new SeenRequest(requestLine[0], requestLine[1], headers);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}

/// <summary>A request as the server received it.</summary>
sealed record SeenRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the server answers.</summary>
sealed record Reply(int Status, string Reason, byte[] Body)
{
    public List<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>Send only this many body bytes (of the announced Content-Length), then hang up.</summary>
    public int? CutAfterBytes { get; init; }

    public static Reply Error(int status, string reason) =>
        new(status, reason, Encoding.ASCII.GetBytes(reason)) { Headers = [("Content-Type", "text/plain")] };

    public static Reply Redirect(Uri location) =>
        new(302, "Found", []) { Headers = [("Location", location.AbsoluteUri)] };

    /// <summary>
    /// Serves <paramref name="content"/> as a file with a strong ETag, honouring "Range: bytes=N-" (206 with
    /// Content-Range) unless If-Range names another version, as real file servers do.
    /// </summary>
    public static Reply File(byte[] content, SeenRequest request, string etag = "\"v1\"", string contentType = "application/octet-stream")
    {
        var range = request.Header("Range");
        var ifRange = request.Header("If-Range");
        if (range is not null && range.StartsWith("bytes=") && range.EndsWith('-') && (ifRange is null || ifRange == etag))
        {
            long from = long.Parse(range["bytes=".Length..^1]);
            if (from >= content.Length)
                return new Reply(416, "Range Not Satisfiable", []) { Headers = [("Content-Range", $"bytes */{content.Length}")] };
            return new Reply(206, "Partial Content", content[(int)from..])
            {
                Headers = [("Content-Type", contentType), ("ETag", etag), ("Accept-Ranges", "bytes"),
                           ("Content-Range", $"bytes {from}-{content.Length - 1}/{content.Length}")],
            };
        }
        return new Reply(200, "OK", content) { Headers = [("Content-Type", contentType), ("ETag", etag), ("Accept-Ranges", "bytes")] };
    }
}
