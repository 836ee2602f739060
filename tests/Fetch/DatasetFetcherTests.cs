using System.Security.Cryptography;
using Segmentation.Data;
using Segmentation.Fetch;

namespace Lesson.Tests.Fetch;

public class DatasetFetcherTests
{
    readonly string root = RepoPaths.NewTempFolder("fetch");

    string DataFolder => Path.Combine(root, "data");

    FetchRequest Request(string? from = null) => new()
    {
        DataFolder = DataFolder,
        From = from,
        FindKaggleToken = () => null,
        Download = new DownloadOptions { MaxAttempts = 2, FirstRetryDelay = TimeSpan.FromMilliseconds(20) },
    };

    string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Ph2_from_a_local_zip_lands_where_the_notebooks_look()
    {
        var report = await DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(Save("ph2.zip", TestArchives.Ph2Zip())));

        Assert.Equal(Path.Combine(DataFolder, "PH2Dataset"), report.DatasetFolder);
        Assert.Equal(report.DatasetFolder, DatasetLocations.Ph2(DataFolder));
        Assert.StartsWith("3 PH2 cases (", report.Summary);
        Assert.Contains("the real PH2 archive has 200", report.Summary);
        Assert.Equal(3, Ph2Dataset.Load(DataFolder).Count);
        AssertOnlyDatasetsIn(DataFolder, "PH2Dataset");
    }

    [Fact]
    public async Task Ph2_downloaded_as_rar_is_extracted_checked_and_the_archive_removed()
    {
        var rar = TestArchives.Ph2Rar();
        using var server = new LocalHttpServer(request => Reply.File(rar, request));

        var report = await DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(server.Url("PH2Dataset.rar").AbsoluteUri));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(rar)), report.Download!.Sha256);
        Assert.Equal("RAR", report.Extraction!.Format);
        Assert.NotNull(DatasetLocations.Ph2(DataFolder));
        AssertOnlyDatasetsIn(DataFolder, "PH2Dataset");
    }

    [Fact]
    public async Task Ph2_from_an_extracted_folder_is_copied_and_the_source_left_alone()
    {
        var report = await DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(TestArchives.Ph2Folder));

        Assert.StartsWith("3 PH2 cases", report.Summary);
        Assert.Equal(3, Ph2Dataset.Load(TestArchives.Ph2Folder).Count);
        Assert.Null(report.Extraction);
    }

    [Fact]
    public async Task A_second_fetch_finds_the_dataset_in_place_and_downloads_nothing()
    {
        var zip = TestArchives.Ph2Zip();
        using var server = new LocalHttpServer(request => Reply.File(zip, request));
        await DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(server.Url("ph2.zip").AbsoluteUri));

        var again = await DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(server.Url("ph2.zip").AbsoluteUri));

        Assert.True(again.WasAlreadyThere);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_corrupted_download_leaves_nothing_that_looks_complete()
    {
        var rar = TestArchives.Ph2Rar();
        rar[rar.Length / 2] ^= 0xFF; // a flipped byte inside a stored BMP: only the CRC check can see it
        using var server = new LocalHttpServer(request => Reply.File(rar, request));

        var error = await Assert.ThrowsAsync<DamagedArchiveException>(
            () => DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(server.Url("PH2Dataset.rar").AbsoluteUri)));

        Assert.Contains("PH2Dataset.rar", error.Message);
        Assert.Contains("download it again", error.Message);
        Assert.Null(DatasetLocations.Ph2(DataFolder));
        AssertOnlyDatasetsIn(DataFolder);
    }

    [Fact]
    public async Task An_archive_with_a_path_traversal_entry_is_refused_and_nothing_lands_anywhere()
    {
        var zip = TestArchives.Zip(
            ("PH2Dataset/PH2 Dataset images/IMD002/IMD002_Dermoscopic_Image/IMD002.bmp", [1, 2, 3], null),
            ("../../outside.txt", "escaped"u8.ToArray(), null));
        using var server = new LocalHttpServer(request => Reply.File(zip, request));

        var error = await Assert.ThrowsAsync<UnsafeArchiveException>(
            () => DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(server.Url("PH2Dataset.zip").AbsoluteUri)));

        Assert.Contains("../../outside.txt", error.Message);
        Assert.Empty(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(root)!, "outside.txt")));
    }

    [Fact]
    public async Task An_archive_of_something_else_is_refused_with_the_expected_layout()
    {
        var zip = Save("photos.zip", TestArchives.Zip(("holiday/beach.jpg", [1, 2, 3], null)));

        var error = await Assert.ThrowsAsync<FetchException>(() => DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(zip)));

        Assert.Contains("photos.zip", error.Message);
        Assert.Contains("layout", error.Message);
        AssertOnlyDatasetsIn(DataFolder);
    }

    [Fact]
    public async Task A_folder_put_in_place_by_hand_that_is_incomplete_is_reported_not_replaced()
    {
        Directory.CreateDirectory(Path.Combine(DataFolder, "PH2Dataset", "PH2 Dataset images", "IMD002"));

        var error = await Assert.ThrowsAsync<FetchException>(
            () => DatasetFetcher.FetchAsync(FetchTarget.Ph2, Request(Save("ph2.zip", TestArchives.Ph2Zip()))));

        Assert.Contains("already exists but is not a complete", error.Message);
        Assert.True(Directory.Exists(Path.Combine(DataFolder, "PH2Dataset", "PH2 Dataset images", "IMD002")));
    }

    [Fact]
    public async Task Mads_from_the_kaggle_api_with_a_good_token_lands_in_data_mads_with_its_own_layout()
    {
        using var kaggle = new KaggleStub(TestArchives.MadsZip(pairs: 3));
        var request = Request() with
        {
            KaggleApi = kaggle.Api,
            FindKaggleToken = () => new KaggleToken(KaggleStub.UserName, KaggleStub.Key, "a test"),
        };

        var report = await DatasetFetcher.FetchAsync(FetchTarget.Mads, request);

        Assert.Equal("3 MADS image/mask pairs; the real dataset has 1192", report.Summary);
        Assert.Equal(Path.Combine(DataFolder, "mads"), DatasetLocations.Mads(DataFolder));
        var inner = Path.Combine(DataFolder, "mads", TestArchives.MadsFolder, TestArchives.MadsFolder);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(inner, "masks")).Length);
        Assert.True(File.Exists(Path.Combine(DataFolder, "mads", "df.csv")));
        // The key went to the API address only; the redirect to storage carried no credentials.
        Assert.Null(Assert.Single(kaggle.StorageRequests).Header("Authorization"));
        AssertOnlyDatasetsIn(DataFolder, "mads");
    }

    [Fact]
    public async Task Mads_with_a_wrong_token_says_the_token_was_refused()
    {
        using var kaggle = new KaggleStub(TestArchives.MadsZip());
        var request = Request() with
        {
            KaggleApi = kaggle.Api,
            FindKaggleToken = () => new KaggleToken(KaggleStub.UserName, "wrong-key-987", "/home/learner/.kaggle/kaggle.json"),
        };

        var error = await Assert.ThrowsAsync<FetchException>(() => DatasetFetcher.FetchAsync(FetchTarget.Mads, request));

        Assert.Contains("did not accept the API token", error.Message);
        Assert.Contains("/home/learner/.kaggle/kaggle.json", error.Message);
        Assert.DoesNotContain("wrong-key-987", error.Message);
        Assert.Empty(kaggle.StorageRequests);
        Assert.Null(DatasetLocations.Mads(DataFolder));
    }

    [Fact]
    public async Task Mads_without_a_token_explains_how_to_get_one_or_download_by_hand()
    {
        var error = await Assert.ThrowsAsync<FetchException>(() => DatasetFetcher.FetchAsync(FetchTarget.Mads, Request()));

        Assert.Contains("No Kaggle API token", error.Message);
        Assert.Contains("--from FILE", error.Message);
    }

    [Fact]
    public async Task Mads_from_a_zip_downloaded_by_hand()
    {
        var report = await DatasetFetcher.FetchAsync(FetchTarget.Mads, Request(Save("archive.zip", TestArchives.MadsZip(pairs: 2))));

        Assert.StartsWith("2 MADS image/mask pairs", report.Summary);
        Assert.NotNull(DatasetLocations.Mads(DataFolder));
    }

    /// <summary>The data folder holds the named datasets and nothing else: no work folders, no downloads, no partial files.</summary>
    static void AssertOnlyDatasetsIn(string dataFolder, params string[] datasets)
    {
        var entries = Directory.Exists(dataFolder)
            ? Directory.EnumerateFileSystemEntries(dataFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.Equal(datasets.Order(StringComparer.Ordinal).ToArray(), entries);
    }
}
