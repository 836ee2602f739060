using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Segmentation.Fetch;

/// <summary>
/// A Kaggle API token (user name and key), found the way Kaggle's own tool finds it: the environment variables
/// <c>KAGGLE_USERNAME</c> and <c>KAGGLE_KEY</c>, else <c>kaggle.json</c> in <c>$KAGGLE_CONFIG_DIR</c> or
/// <c>~/.kaggle/</c>. The key is held only to build the HTTP Basic header: <see cref="ToString"/> names where
/// the token came from, never what it is, so it cannot end up in a log by accident.
/// </summary>
public sealed class KaggleToken
{
    /// <summary>Where Kaggle's website hands out tokens (Settings, API, Create New Token).</summary>
    public const string SettingsPage = "https://www.kaggle.com/settings";

    readonly string userName;
    readonly string key;

    /// <summary>Makes a token from its parts; <paramref name="source"/> says where they came from, for messages.</summary>
    public KaggleToken(string userName, string key, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        this.userName = userName.Trim();
        this.key = key.Trim();
        Source = source;
    }

    /// <summary>Where the token was read from, e.g. "KAGGLE_USERNAME and KAGGLE_KEY" or the path of kaggle.json.</summary>
    public string Source { get; }

    /// <summary>Names the token's source only: the key is never part of any text this class produces.</summary>
    public override string ToString() => $"Kaggle API token from {Source}";

    /// <summary>The HTTP Basic authorization header (user name : key) Kaggle's API expects.</summary>
    internal AuthenticationHeaderValue ToAuthorizationHeader() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{key}")));

    /// <summary>
    /// Finds the learner's token: <c>KAGGLE_USERNAME</c> and <c>KAGGLE_KEY</c> first, then
    /// <c>kaggle.json</c> (in <c>$KAGGLE_CONFIG_DIR</c>, else in <c>.kaggle</c> under the home folder).
    /// Returns null when there is none. Tests pass their own environment and home folder.
    /// </summary>
    /// <exception cref="FetchException">Only one of the two variables is set, or kaggle.json is unreadable.</exception>
    public static KaggleToken? Find(Func<string, string?>? environment = null, string? homeFolder = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var user = environment("KAGGLE_USERNAME");
        var key = environment("KAGGLE_KEY");
        bool hasUser = !string.IsNullOrWhiteSpace(user), hasKey = !string.IsNullOrWhiteSpace(key);
        if (hasUser && hasKey)
            return new KaggleToken(user!, key!, "KAGGLE_USERNAME and KAGGLE_KEY");
        if (hasUser != hasKey)
            throw new FetchException(
                $"{(hasUser ? "KAGGLE_USERNAME" : "KAGGLE_KEY")} is set but {(hasUser ? "KAGGLE_KEY" : "KAGGLE_USERNAME")} is not. " +
                "Set both (the values of \"username\" and \"key\" in kaggle.json), or unset both to use kaggle.json.");

        var folder = environment("KAGGLE_CONFIG_DIR");
        if (string.IsNullOrWhiteSpace(folder))
            folder = Path.Combine(homeFolder ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kaggle");
        var file = Path.Combine(folder, "kaggle.json");
        return File.Exists(file) ? ReadFile(file) : null;
    }

    static KaggleToken ReadFile(string file)
    {
        // The error messages below name the file and the fields, never the file's content.
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("username", out var user) && user.ValueKind == JsonValueKind.String &&
                root.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String &&
                !string.IsNullOrWhiteSpace(user.GetString()) && !string.IsNullOrWhiteSpace(key.GetString()))
                return new KaggleToken(user.GetString()!, key.GetString()!, file);
        }
        catch (JsonException)
        {
        }
        throw new FetchException(
            $"'{file}' is not a Kaggle token: expected JSON like {{\"username\": \"...\", \"key\": \"...\"}}. " +
            $"Download a new one from {SettingsPage} (API, Create New Token) and save it there.");
    }
}
