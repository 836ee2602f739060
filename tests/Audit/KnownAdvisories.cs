using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lesson.Tests.Audit;

/// <summary>One published advisory for one release line of a package, as kept in known-advisories.json.</summary>
/// <param name="Package">The NuGet package id.</param>
/// <param name="Versions">The affected versions in NuGet's range notation, e.g. "(, 13.0.1)".</param>
/// <param name="Severity">low, moderate, high or critical.</param>
/// <param name="Url">The advisory's address: what NuGet prints and what NuGetAuditSuppress matches.</param>
/// <param name="Suppressed">True when Directory.Packages.props suppresses it (with the reason it does not apply).</param>
sealed record KnownAdvisory(string Package, string Versions, string Severity, string Url, bool Suppressed = false)
{
    /// <summary>NuGet's number for the severity (0 low ... 3 critical), as the VulnerabilityInfo resource carries it.</summary>
    public int SeverityNumber => Severity switch
    {
        "low" => 0,
        "moderate" => 1,
        "high" => 2,
        "critical" => 3,
        _ => throw new InvalidDataException($"known-advisories.json: '{Severity}' ({Url}) is not low, moderate, high or critical."),
    };
}

/// <summary>Reads tests/Audit/known-advisories.json, the advisories the audit test serves to NuGet.</summary>
static class KnownAdvisories
{
    public static string DataFile => Path.Combine(RepoPaths.Root, "tests", "Audit", "known-advisories.json");

    public static IReadOnlyList<KnownAdvisory> Load()
    {
        using var stream = File.OpenRead(DataFile);
        var file = JsonSerializer.Deserialize<DataFileShape>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{DataFile} is empty.");
        return file.Advisories;
    }

    sealed record DataFileShape([property: JsonRequired] List<KnownAdvisory> Advisories);
}
