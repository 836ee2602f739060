using System.Text;

namespace Lesson.Tests.Fetch;

/// <summary>
/// Behaves like Kaggle's dataset download API for one dataset: checks HTTP Basic credentials, then redirects to a
/// storage address on the same server that serves the zip (as Kaggle redirects to its cloud storage).
/// </summary>
sealed class KaggleStub : IDisposable
{
    public const string UserName = "learner";
    public const string Key = "c0ffee0123456789c0ffee0123456789";
    const string DownloadPath = "/api/v1/datasets/download/tapakah68/segmentation-full-body-mads-dataset";
    const string StoragePath = "/storage/archive.zip";

    readonly byte[] zip;

    public KaggleStub(byte[] zip)
    {
        this.zip = zip;
        Server = new LocalHttpServer(Handle);
    }

    public LocalHttpServer Server { get; }

    /// <summary>The address to pass as the Kaggle API.</summary>
    public Uri Api => Server.Url("api/v1/");

    /// <summary>Requests that reached the storage address (where credentials must not go).</summary>
    public IEnumerable<SeenRequest> StorageRequests => Server.Requests.Where(r => r.Path == StoragePath);

    Reply Handle(SeenRequest request)
    {
        if (request.Path == StoragePath)
            return Reply.File(zip, request, contentType: "application/zip");
        if (request.Path != DownloadPath)
            return Reply.Error(404, "Not Found");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Key}"));
        return request.Header("Authorization") == expected
            ? Reply.Redirect(Server.Url(StoragePath))
            : Reply.Error(401, "Unauthorized");
    }

    public void Dispose() => Server.Dispose();
}
