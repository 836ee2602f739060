using Segmentation.Fetch;

namespace Lesson.Tests.Fetch;

public class KaggleTokenTests
{
    readonly string home = RepoPaths.NewTempFolder("kaggle-home");

    static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    void WriteKaggleJson(string text)
    {
        Directory.CreateDirectory(Path.Combine(home, ".kaggle"));
        File.WriteAllText(Path.Combine(home, ".kaggle", "kaggle.json"), text);
    }

    [Fact]
    public void Reads_kaggle_json_in_the_home_folder()
    {
        WriteKaggleJson("""{"username":"learner","key":"0123456789abcdef"}""");

        var token = KaggleToken.Find(Environment(), home);

        Assert.NotNull(token);
        Assert.Equal(Path.Combine(home, ".kaggle", "kaggle.json"), token.Source);
    }

    [Fact]
    public void Prefers_the_environment_variables_to_kaggle_json()
    {
        WriteKaggleJson("""{"username":"file-user","key":"file-key"}""");

        var token = KaggleToken.Find(Environment(("KAGGLE_USERNAME", "env-user"), ("KAGGLE_KEY", "env-key")), home);

        Assert.Equal("KAGGLE_USERNAME and KAGGLE_KEY", token!.Source);
    }

    [Fact]
    public void Reads_kaggle_json_from_KAGGLE_CONFIG_DIR()
    {
        var config = RepoPaths.NewTempFolder("kaggle-config");
        File.WriteAllText(Path.Combine(config, "kaggle.json"), """{"username":"u","key":"k"}""");

        var token = KaggleToken.Find(Environment(("KAGGLE_CONFIG_DIR", config)), home);

        Assert.Equal(Path.Combine(config, "kaggle.json"), token!.Source);
    }

    [Fact]
    public void Finds_nothing_when_there_is_no_token()
    {
        Assert.Null(KaggleToken.Find(Environment(), home));
    }

    [Fact]
    public void Names_the_missing_variable_when_only_one_is_set()
    {
        var error = Assert.Throws<FetchException>(() => KaggleToken.Find(Environment(("KAGGLE_USERNAME", "u")), home));

        Assert.Contains("KAGGLE_KEY is not", error.Message);
    }

    [Fact]
    public void Reports_a_broken_kaggle_json_without_repeating_its_content()
    {
        WriteKaggleJson("""{"username":"learner","kee":"typo-secret-value"}""");

        var error = Assert.Throws<FetchException>(() => KaggleToken.Find(Environment(), home));

        Assert.Contains("kaggle.json", error.Message);
        Assert.DoesNotContain("typo-secret-value", error.Message);
    }

    [Fact]
    public void Never_shows_the_key_as_text()
    {
        var token = new KaggleToken("learner", "0123456789abcdef", "KAGGLE_USERNAME and KAGGLE_KEY");

        Assert.DoesNotContain("0123456789abcdef", token.ToString());
        Assert.DoesNotContain("0123456789abcdef", new DownloadOptions { Credentials = token }.ToString());
    }
}
