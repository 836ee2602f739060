using Segmentation.Data;
using Segmentation.Fetch;

namespace Lesson.Tests.Fetch;

/// <summary>`lesson fetch` run as a learner runs it: the real tool in a child process.</summary>
public class FetchCommandTests
{
    readonly string home = RepoPaths.NewTempFolder("fetch-cli");

    string DataFolder => Path.Combine(home, "data");

    string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(home, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Fetch_ph2_from_a_local_zip_places_the_data_where_the_kit_finds_it()
    {
        var zip = Save("PH2-copy.zip", TestArchives.Ph2Zip());

        var result = FetchToolProcess.Run(home, null, "fetch", "ph2", "--from", zip, "--dest", DataFolder);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Checked: 3 PH2 cases", result.Output);
        Assert.Contains($"ready in {Path.Combine(DataFolder, "PH2Dataset")}", result.Output);
        Assert.Equal(3, Ph2Dataset.Load(DatasetLocations.Ph2(DataFolder)!).Count);
    }

    [Fact]
    public void Fetch_mads_uses_the_token_in_kaggle_json_and_never_prints_it()
    {
        Directory.CreateDirectory(Path.Combine(home, ".kaggle"));
        File.WriteAllText(Path.Combine(home, ".kaggle", "kaggle.json"),
            $$"""{"username":"{{KaggleStub.UserName}}","key":"{{KaggleStub.Key}}"}""");
        using var kaggle = new KaggleStub(TestArchives.MadsZip(pairs: 4));

        var result = FetchToolProcess.Run(home, null, "fetch", "mads", "--kaggle-api", kaggle.Api.AbsoluteUri, "--dest", DataFolder);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Checked: 4 MADS image/mask pairs", result.Output);
        Assert.Matches("sha256 [0-9a-f]{64}", result.Output);
        Assert.DoesNotContain(KaggleStub.Key, result.All);
        Assert.NotNull(DatasetLocations.Mads(DataFolder));
    }

    [Fact]
    public void Fetch_mads_with_wrong_credentials_says_the_token_was_refused_and_exits_1()
    {
        using var kaggle = new KaggleStub(TestArchives.MadsZip());
        var environment = new Dictionary<string, string> { ["KAGGLE_USERNAME"] = "learner", ["KAGGLE_KEY"] = "not-the-key-4242" };

        var result = FetchToolProcess.Run(home, environment, "fetch", "mads", "--kaggle-api", kaggle.Api.AbsoluteUri, "--dest", DataFolder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not accept the API token", result.Error);
        Assert.Contains("KAGGLE_USERNAME and KAGGLE_KEY", result.Error);
        Assert.DoesNotContain("not-the-key-4242", result.All);
        Assert.False(Directory.Exists(Path.Combine(DataFolder, "mads")));
    }

    [Fact]
    public void Fetch_refuses_a_downloaded_archive_with_a_link_and_writes_nothing_outside_the_destination()
    {
        var zip = TestArchives.Zip(
            ("PH2Dataset/PH2 Dataset images/IMD002/IMD002_Dermoscopic_Image/IMD002.bmp", [1, 2, 3], null),
            ("PH2Dataset/escape", "/"u8.ToArray(), TestArchives.SymbolicLinkMode));
        using var server = new LocalHttpServer(request => Reply.File(zip, request));
        var before = Directory.GetFileSystemEntries(home, "*", SearchOption.AllDirectories);

        var result = FetchToolProcess.Run(home, null, "fetch", "ph2", "--from", server.Url("PH2Dataset.zip").AbsoluteUri, "--dest", DataFolder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("contains a link, 'PH2Dataset/escape'", result.Error);
        var after = Directory.GetFileSystemEntries(home, "*", SearchOption.AllDirectories);
        Assert.Equal(before.Append(DataFolder).Order(), after.Order());
        Assert.Empty(Directory.EnumerateFileSystemEntries(DataFolder));
    }

    [Fact]
    public void Fetch_names_the_datasets_when_given_an_unknown_one()
    {
        var result = FetchToolProcess.Run(home, null, "fetch", "isic");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown dataset 'isic'; the datasets are ph2 or mads", result.Error);
    }
}
