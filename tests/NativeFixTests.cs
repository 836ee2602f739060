using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Segmentation.Native;

namespace Lesson.Tests;

public class NativeFixTests
{
    const string Version = ElfVersionNeeds.UnusedGlibcxxVersion;

    /// <summary>True where the build fixes the natives: a libstdc++ in play (the loader cache's, or this process's) lacks the version.</summary>
    public static bool MachineNeedsFix => OperatingSystem.IsLinux() && LibTorchSharpFix.LibstdcxxWithoutVersion().Count > 0;

    static string NuGetCacheCopy()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", LibTorchSharpFix.FileName);
    }

    [LinuxFact]
    public void Shipped_library_requires_the_missing_version_strictly()
    {
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(NuGetCacheCopy()));
        var need = Assert.Single(needs, n => n.Version == Version);
        Assert.Equal("libstdc++.so.6", need.Library);
        Assert.False(need.IsWeak);  // the NuGet cache must never be modified
    }

    [LinuxFact]
    public void Marking_weak_changes_exactly_that_one_requirement()
    {
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

    [LinuxFact]
    public void Libstdcxx_versions_are_read_from_its_version_definitions()
    {
        string path = Libstdcxx.SystemPath() ?? throw new InvalidOperationException("this Linux has no libstdc++ for TorchSharp to use");
        var defined = ElfVersionNeeds.Definitions(File.ReadAllBytes(path));

        Assert.Contains("GLIBCXX_3.4", defined);
        Assert.Contains("CXXABI_1.3", defined);
        Assert.Contains("GLIBCXX_3.4.30", defined);   // GCC 12, the oldest libstdc++ TorchSharp's libtorch accepts
        Assert.DoesNotContain("GLIBCXX_9.9.99", defined);
        // The same answer as looking for the name in the file's bytes, the rough check the parser replaced.
        bool nameInFile = IndexOf(File.ReadAllBytes(path), Encoding.ASCII.GetBytes(Version + "\0")) >= 0;
        Assert.Equal(nameInFile, Libstdcxx.Defines(path, Version));
    }

    [Fact]
    public void Mapped_files_are_read_from_a_maps_listing()
    {
        string[] maps =
        [
            "55d0c000-55d0d000 r--p 00000000 fe:01 1234   /usr/bin/dotnet",
            "7f00a000-7f00b000 r-xp 00001000 fe:01 5678   /opt/conda/lib/libstdc++.so.6.0.33",
            "7f00b000-7f00c000 r--p 00002000 fe:01 5678   /opt/conda/lib/libstdc++.so.6.0.33",
            "7f00c000-7f00d000 rw-p 00000000 00:00 0 ",
            "7f00d000-7f00e000 rw-p 00000000 00:00 0      [heap]",
            "7f00e000-7f00f000 r-xp 00000000 fe:01 91     /home/a learner/kit/lib/bin/notebook/libLibTorchSharp.so (deleted)",
            "7f00f000-7f010000 r-xp 00000000 fe:01 92     /home/a learner/kit/lib/bin/notebook/libtorch_cpu.so",
        ];

        Assert.Equal(["/usr/bin/dotnet", "/opt/conda/lib/libstdc++.so.6.0.33", "/home/a learner/kit/lib/bin/notebook/libtorch_cpu.so"],
            Libstdcxx.MappedFiles(maps));
    }

    [LinuxFact]
    public void This_process_has_its_libstdcxx_mapped_and_says_which()
    {
        string? mapped = Libstdcxx.MappedPath();

        Assert.NotNull(mapped);   // the .NET runtime itself is C++ and loads libstdc++
        Assert.StartsWith("libstdc++.so.6", Path.GetFileName(mapped));
        Assert.Contains(mapped, File.ReadAllText("/proc/self/maps"));
        var cpp = LoadedCppRuntime.OfThisProcess();
        Assert.Equal(mapped, cpp.Path);
        Assert.Equal(Libstdcxx.Defines(mapped, Version), cpp.HasRequiredVersion);
    }

    [LinuxFact]
    public void The_fix_renames_a_new_file_over_the_old_one_and_leaves_a_hard_linked_original_alone()
    {
        string folder = RepoPaths.NewTempFolder("native-fix-atomic");
        string cache = Path.Combine(folder, "cache-copy.so");           // stands in for the NuGet cache's file
        string library = Path.Combine(folder, LibTorchSharpFix.FileName);
        File.Copy(NuGetCacheCopy(), cache);
        Run("ln", cache, library);                                      // as a build with hard links makes it
        byte[] shipped = File.ReadAllBytes(cache);
        using var openedBefore = new FileStream(library, FileMode.Open, FileAccess.Read);

        var result = LibTorchSharpFix.Apply(folder, always: true);

        Assert.Equal(NativeFixOutcome.Applied, result.Outcome);
        Assert.True(ElfVersionNeeds.Read(File.ReadAllBytes(library)).Single(n => n.Version == Version).IsWeak);
        Assert.Equal(shipped, File.ReadAllBytes(cache));                // the linked original is untouched
        Assert.Equal("1", Run("stat", "-c", "%h", cache).Trim());        // and no longer shares its file with the output
        Assert.NotEqual(Run("stat", "-c", "%i", cache), Run("stat", "-c", "%i", library));
        var oldContent = new byte[shipped.Length];                      // a reader that had the old file open keeps
        openedBefore.ReadExactly(oldContent);                           // reading the old file: it was replaced, not rewritten
        Assert.Equal(shipped, oldContent);
        Assert.Equal(["cache-copy.so", LibTorchSharpFix.FileName], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));   // no temporary file left
        Assert.Equal(NativeFixOutcome.Applied, LibTorchSharpFix.Apply(folder, always: true).Outcome);  // again: nothing to do
    }

    [LinuxFact]
    public void A_library_without_the_version_entry_is_reported_and_left_as_it_is()
    {
        string folder = LibraryWithoutTheVersionEntry();
        byte[] before = File.ReadAllBytes(Path.Combine(folder, LibTorchSharpFix.FileName));

        var result = LibTorchSharpFix.Apply(folder, always: true);

        Assert.Equal(NativeFixOutcome.VersionEntryNotFound, result.Outcome);
        Assert.Equal("version-entry-not-found", result.Name);
        Assert.Contains($"has no requirement on {Version}", result.Message);
        Assert.Contains("doctor", result.Message);                      // says what to do next
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(folder, LibTorchSharpFix.FileName)));
    }

    [LinuxFact]
    public void The_build_warns_when_the_version_entry_is_missing_and_applies_the_fix_otherwise()
    {
        string missing = LibraryWithoutTheVersionEntry();
        var warned = RunFixTarget(missing, "always");
        Assert.True(warned.ExitCode == 0, warned.Log);
        Assert.Contains("warning LESSON001: TorchSharp native fix: ", warned.Log);
        Assert.Contains($"has no requirement on {Version}", warned.Log);
        Assert.Contains("version-entry-not-found", warned.Log);

        string shipped = RepoPaths.NewTempFolder("native-fix-build");
        File.Copy(NuGetCacheCopy(), Path.Combine(shipped, LibTorchSharpFix.FileName));
        var applied = RunFixTarget(shipped, "always");
        Assert.True(applied.ExitCode == 0, applied.Log);
        Assert.Contains(": applied", applied.Log);
        Assert.DoesNotContain("warning", applied.Log);
        Assert.True(ElfVersionNeeds.Read(File.ReadAllBytes(Path.Combine(shipped, LibTorchSharpFix.FileName))).Single(n => n.Version == Version).IsWeak);

        string untouched = RepoPaths.NewTempFolder("native-fix-auto");
        File.Copy(NuGetCacheCopy(), Path.Combine(untouched, LibTorchSharpFix.FileName));
        var auto = RunFixTarget(untouched, "auto");
        Assert.True(auto.ExitCode == 0, auto.Log);
        Assert.Contains(MachineNeedsFix ? ": applied" : ": not-needed", auto.Log);
        bool weak = ElfVersionNeeds.Read(File.ReadAllBytes(Path.Combine(untouched, LibTorchSharpFix.FileName))).Single(n => n.Version == Version).IsWeak;
        Assert.Equal(MachineNeedsFix, weak);
    }

    [LinuxFact]
    public void Build_output_is_patched_only_when_this_machine_needs_it()
    {
        foreach (string folder in new[] { AppContext.BaseDirectory, RepoPaths.LibOutput })
        {
            var need = ElfVersionNeeds.Read(File.ReadAllBytes(Path.Combine(folder, LibTorchSharpFix.FileName))).Single(n => n.Version == Version);
            Assert.Equal(MachineNeedsFix, need.IsWeak);
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
    public void Doctor_reports_version_device_fix_and_the_loaded_libstdcxx_as_json()
    {
        var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(2), "doctor", "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.StartsWith("2.10", root.GetProperty("torch").GetString());
        Assert.Contains(root.GetProperty("device").GetString(), new[] { "cpu", "cuda" });
        Assert.Equal(MachineNeedsFix ? "applied" : "not-needed", root.GetProperty("native_fix").GetString());
        // The doctor runs in the same environment as this test host, so it loads the same libstdc++.
        string? mapped = OperatingSystem.IsLinux() ? Libstdcxx.MappedPath() : null;
        Assert.Equal(mapped, root.GetProperty("libstdcxx").GetString());
        bool? hasVersion = mapped is null ? null : Libstdcxx.Defines(mapped, Version);
        var reported = root.GetProperty("libstdcxx_has_glibcxx_3_4_32");
        Assert.Equal(hasVersion, reported.ValueKind == JsonValueKind.Null ? null : reported.GetBoolean());
    }

    [LinuxFact]
    public void Doctor_says_which_libstdcxx_it_loaded_and_what_that_means()
    {
        var result = ToolProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(2), "doctor");
        Assert.True(result.ExitCode == 0, result.Error);
        string line = result.Output.Split('\n').Single(l => l.StartsWith("libstdc++"));
        string mapped = Libstdcxx.MappedPath()!;
        Assert.Contains(mapped, line);
        Assert.Contains(Libstdcxx.Defines(mapped, Version) ? $"defines {Version}" : $"lacks {Version}: TorchSharp loads here only through the fixed copy", line);
    }

    /// <summary>A folder with a copy of libLibTorchSharp.so whose GLIBCXX_3.4.32 requirement names another version, as a newer TorchSharp's might.</summary>
    static string LibraryWithoutTheVersionEntry()
    {
        string folder = RepoPaths.NewTempFolder("native-fix-upgraded");
        byte[] elf = File.ReadAllBytes(NuGetCacheCopy());
        byte[] name = Encoding.ASCII.GetBytes(Version + "\0");
        int at = IndexOf(elf, name);
        Encoding.ASCII.GetBytes("GLIBCXX_3.4.19").CopyTo(elf, at);      // same length; an old version every libstdc++ has
        Assert.DoesNotContain(ElfVersionNeeds.Read(elf), n => n.Version == Version);
        File.WriteAllBytes(Path.Combine(folder, LibTorchSharpFix.FileName), elf);
        return folder;
    }

    /// <summary>Runs the kit's build/TorchSharpNativeFix.targets on <paramref name="folder"/> in real MSBuild, as a build does.</summary>
    static (int ExitCode, string Log) RunFixTarget(string folder, string mode)
    {
        string project = Path.Combine(RepoPaths.NewTempFolder("native-fix-project"), "Fix.proj");
        File.WriteAllText(project, $"""
            <Project>
              <PropertyGroup><OutDir>{folder}/</OutDir></PropertyGroup>
              <Import Project="{Path.Combine(RepoPaths.Root, "build", "TorchSharpNativeFix.targets")}" />
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "msbuild", project, "-t:PatchLibTorchSharpForOlderLinux", $"-p:TorchSharpNativeFix={mode}", "-nologo", "-nodeReuse:false", "-v:n" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet msbuild did not finish within 3 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
                return i;
        return -1;
    }
}
