using System.Text.Json;
using Segmentation.Native;

namespace Lesson.Tests;

public class NativeFixTests
{
    const string Version = ElfVersionNeeds.UnusedGlibcxxVersion;

    static string NuGetCacheCopy()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    [Fact]
    public void Shipped_library_requires_the_missing_version_strictly()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(NuGetCacheCopy()));
        var need = Assert.Single(needs, n => n.Version == Version);
        Assert.Equal("libstdc++.so.6", need.Library);
        Assert.False(need.IsWeak);  // the NuGet cache must never be modified
    }

    [Fact]
    public void Marking_weak_changes_exactly_that_one_requirement()
    {
        if (!OperatingSystem.IsLinux())
            return;
        byte[] original = File.ReadAllBytes(NuGetCacheCopy());
        byte[] patched = (byte[])original.Clone();

        Assert.Equal(1, ElfVersionNeeds.MarkWeak(patched, Version));
        Assert.Equal(0, ElfVersionNeeds.MarkWeak(patched, Version));  // idempotent

        var before = ElfVersionNeeds.Read(original);
        var after = ElfVersionNeeds.Read(patched);
        Assert.Equal(before.Select(n => n.Version), after.Select(n => n.Version));
        Assert.True(after.Single(n => n.Version == Version).IsWeak);
        Assert.All(after.Where(n => n.Version != Version), n => Assert.False(n.IsWeak));
        int differingBytes = original.Zip(patched).Count(pair => pair.First != pair.Second);
        Assert.Equal(1, differingBytes);
    }

    [Fact]
    public void Build_output_is_patched_only_when_this_machine_needs_it()
    {
        if (!OperatingSystem.IsLinux())
            return;
        bool systemHasVersion = ElfVersionNeeds.SystemLibstdcxxHas(Version) == true;
        foreach (string folder in new[] { AppContext.BaseDirectory, RepoPaths.LibOutput })
        {
            var need = ElfVersionNeeds.Read(File.ReadAllBytes(Path.Combine(folder, "libLibTorchSharp.so"))).Single(n => n.Version == Version);
            Assert.Equal(!systemHasVersion, need.IsWeak);
        }
    }

    [Fact]
    public void Torch_loads_in_the_test_host_and_computes()
    {
        TorchRuntime.EnsureLoaded();
        using var ones = TorchSharp.torch.ones(2, 3);
        using var doubled = ones * 2;
        Assert.Equal(12f, doubled.sum().item<float>());
    }

    [Fact]
    public void Doctor_reports_version_device_and_fix_as_json()
    {
        var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(2), "doctor", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.StartsWith("2.10", root.GetProperty("torch").GetString());
        Assert.Contains(root.GetProperty("device").GetString(), new[] { "cpu", "cuda" });
        string expectedFix = OperatingSystem.IsLinux() && ElfVersionNeeds.SystemLibstdcxxHas(Version) == false ? "applied" : "not-needed";
        Assert.Equal(expectedFix, root.GetProperty("native_fix").GetString());
    }
}
