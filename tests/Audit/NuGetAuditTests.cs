using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lesson.Tests.Audit;

/// <summary>
/// The kit restores cleanly with NuGet's audit on, the way a learner's machine audits it: a real <c>dotnet restore</c>
/// of every kit project reads vulnerability data from an audit source (served here on 127.0.0.1 from
/// known-advisories.json) while packages still come from the usual feed. The feed of this machine serves no
/// vulnerability data, so without this test a vulnerable package would only show up on a learner's machine, where
/// TreatWarningsAsErrors turns NU1901-NU1904 into a failed restore.
/// </summary>
public class NuGetAuditTests
{
    static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void Kit_restores_with_auditing_on_and_no_known_advisory()
    {
        using var source = new NuGetAuditSource(KnownAdvisories.Load());
        string kit = CopyProjectFiles(RepoPaths.NewTempFolder("audit-kit"));
        File.WriteAllText(Path.Combine(kit, "nuget.config"), source.NuGetConfig());

        var restore = Restore(kit, "Lesson.sln");

        Assert.True(source.AdvisoriesWereRead, "dotnet restore never downloaded the advisories, so it did not audit:\n" + restore.Log);
        Assert.True(restore.ExitCode == 0, $"dotnet restore failed (exit code {restore.ExitCode}):\n{restore.Log}");
        Assert.DoesNotMatch(@"NU190\d", restore.Log);
    }

    [Fact]
    public void A_vulnerable_package_fails_the_audit_with_its_advisory()
    {
        // The control for the test above: a project that asks for the version the kit used to resolve.
        using var source = new NuGetAuditSource(KnownAdvisories.Load());
        string probe = RepoPaths.NewTempFolder("audit-probe");
        File.WriteAllText(Path.Combine(probe, "nuget.config"), source.NuGetConfig());
        File.WriteAllText(Path.Combine(probe, "Probe.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="12.0.3" />
              </ItemGroup>
            </Project>
            """);

        var restore = Restore(probe, "Probe.csproj");

        Assert.NotEqual(0, restore.ExitCode);
        Assert.Matches(@"error NU1903: Warning As Error: Package 'Newtonsoft\.Json' 12\.0\.3 has a known high severity vulnerability, "
            + Regex.Escape("https://github.com/advisories/GHSA-5crp-9r3c-p9vr"), restore.Log);
    }

    [Fact]
    public void Every_suppressed_advisory_is_in_the_data_file_and_marked_so()
    {
        var props = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"));
        var suppressed = props.Descendants("NuGetAuditSuppress").Select(e => (string?)e.Attribute("Include")).ToHashSet();
        var known = KnownAdvisories.Load();

        Assert.NotEmpty(suppressed);
        Assert.All(suppressed, url => Assert.Contains(known, a => a.Url == url && a.Suppressed));
        Assert.All(known.Where(a => a.Suppressed), a => Assert.Contains(a.Url, suppressed));
    }

    /// <summary>What a restore printed, and how it ended.</summary>
    sealed record RestoreResult(int ExitCode, string Log);

    /// <summary>
    /// <c>dotnet restore</c> with auditing as strict as it goes: every package, direct or transitive, at every
    /// severity. The project's own settings (TreatWarningsAsErrors) decide whether an advisory fails it.
    /// </summary>
    static RestoreResult Restore(string folder, string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "restore", project, "-nologo", "-nodeReuse:false",
                     "-p:NuGetAudit=true", "-p:NuGetAuditMode=all", "-p:NuGetAuditLevel=low" })
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(RestoreTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet restore {project} did not finish within {RestoreTimeout}:\n{output.Result}{error.Result}");
        }
        return new RestoreResult(process.ExitCode, output.Result + error.Result);
    }

    /// <summary>
    /// Copies what restore reads (solution, project files, the Directory.* files, global.json, build/) into
    /// <paramref name="target"/>, so the kit's own obj folders are left alone.
    /// </summary>
    static string CopyProjectFiles(string target)
    {
        string[] skipped = ["bin", "obj", "artifacts", "data", "notebooks", "lab"];
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Root, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepoPaths.Root, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => skipped.Contains(p) || p.StartsWith('.')))
                continue;
            string name = Path.GetFileName(file);
            bool restoreReadsIt = name.EndsWith(".sln") || name.EndsWith(".csproj") || name.EndsWith(".props")
                || name.EndsWith(".targets") || name == "global.json" || parts[0] == "build";
            if (!restoreReadsIt)
                continue;
            string destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }
}
