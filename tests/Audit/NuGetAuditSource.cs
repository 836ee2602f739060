using System.Text;
using System.Text.Json;
using Lesson.Tests.Fetch;

namespace Lesson.Tests.Audit;

/// <summary>
/// A NuGet v3 source on 127.0.0.1 that offers only vulnerability data, the way nuget.org does for NuGet's audit:
/// a service index naming a <c>VulnerabilityInfo/6.7.0</c> resource, which is an index of vulnerability pages,
/// each page a dictionary from lower-case package id to that package's advisories (url, severity 0-3, versions).
/// See https://learn.microsoft.com/nuget/api/vulnerability-info.
/// </summary>
sealed class NuGetAuditSource : IDisposable
{
    const string IndexPath = "/v3/index.json";
    const string VulnerabilityIndexPath = "/v3/vulnerabilities/index.json";
    const string PagePath = "/v3/vulnerabilities/all.json";

    readonly LocalHttpServer server;
    readonly byte[] page;

    public NuGetAuditSource(IEnumerable<KnownAdvisory> advisories)
    {
        page = Json(advisories
            .GroupBy(a => a.Package.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Select(a => new { url = a.Url, severity = a.SeverityNumber, versions = a.Versions }).ToList()));
        server = new LocalHttpServer(Serve);
    }

    /// <summary>The source's address, as a nuget.config names it.</summary>
    public Uri ServiceIndex => server.Url(IndexPath);

    /// <summary>True once NuGet has downloaded the page of advisories (so its audit really used this source).</summary>
    public bool AdvisoriesWereRead => server.Requests.Any(r => r.Method == "GET" && r.Path == PagePath);

    /// <summary>A nuget.config that keeps the machine's package sources (packages still come from the usual feed)
    /// and makes this source the only audit source.</summary>
    public string NuGetConfig() => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <auditSources>
            <clear />
            <add key="kit-known-advisories" value="{ServiceIndex}" allowInsecureConnections="true" />
          </auditSources>
        </configuration>
        """;

    Reply Serve(SeenRequest request) => request.Path switch
    {
        IndexPath => JsonReply(Json(new
        {
            version = "3.0.0",
            resources = new[] { new Dictionary<string, string> { ["@id"] = server.Url(VulnerabilityIndexPath).AbsoluteUri, ["@type"] = "VulnerabilityInfo/6.7.0" } },
        })),
        VulnerabilityIndexPath => JsonReply(Json(new[]
        {
            new Dictionary<string, string> { ["@name"] = "all", ["@id"] = server.Url(PagePath).AbsoluteUri, ["@updated"] = "2026-10-15T00:00:00Z" },
        })),
        PagePath => JsonReply(page),
        _ => Reply.Error(404, "Not Found"),
    };

    static Reply JsonReply(byte[] body) => new(200, "OK", body) { Headers = [("Content-Type", "application/json")] };

    static byte[] Json(object value) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value));

    public void Dispose() => server.Dispose();
}
