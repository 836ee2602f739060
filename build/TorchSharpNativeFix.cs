// Why this file exists
// --------------------
// TorchSharp 0.107.0's native wrapper, libLibTorchSharp.so, was built with GCC 13 and so declares
// that it needs the symbol version GLIBCXX_3.4.32 from libstdc++. Debian 12 and Ubuntu 22.04 ship
// libstdc++ only up to GLIBCXX_3.4.30, so the dynamic loader refuses the library and the first use
// of `torch` fails. The only symbol tied to that version (std::ios_base_library_init) is never
// actually bound, so the requirement can safely be marked "weak": the loader then accepts the
// library when the version is missing. We do that on a *copy* in the build output, never on the
// file in the NuGet cache, and only on machines whose libstdc++ lacks the version.
//
// This one file is compiled twice: by MSBuild as an inline task (build/TorchSharpNativeFix.targets)
// and into the course library, where `lesson doctor` uses it to report on the fix and on the
// libstdc++ its own process loaded (lib/Native/LoadedCppRuntime.cs). The library defines LESSON_LIB,
// which leaves out the MSBuild-specific part at the bottom.

#nullable enable
// Written for what MSBuild's inline-task compiler offers (netstandard2.0): no records, no spans.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Segmentation.Native
{
    /// <summary>One "required from library X, version V" entry of an ELF file's .gnu.version_r section.</summary>
    public sealed class ElfVersionNeed
    {
        /// <summary>VER_FLG_WEAK: the loader tolerates a missing version.</summary>
        public const ushort WeakFlag = 0x2;

        /// <summary>Creates an entry as read from the file.</summary>
        public ElfVersionNeed(string library, string version, ushort flags, long flagsOffset)
        {
            Library = library;
            Version = version;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        /// <summary>The library the version is required from, e.g. libstdc++.so.6.</summary>
        public string Library { get; }

        /// <summary>The version name, e.g. GLIBCXX_3.4.32.</summary>
        public string Version { get; }

        /// <summary>The vna_flags field.</summary>
        public ushort Flags { get; }

        /// <summary>Where vna_flags sits in the file.</summary>
        public long FlagsOffset { get; }

        /// <summary>True when the loader will accept the library without this version.</summary>
        public bool IsWeak => (Flags & WeakFlag) != 0;
    }

    /// <summary>Reads and edits the symbol versions of a 64-bit little-endian ELF shared library.</summary>
    public static class ElfVersionNeeds
    {
        /// <summary>The libstdc++ version that TorchSharp 0.107.0 asks for but never binds.</summary>
        public const string UnusedGlibcxxVersion = "GLIBCXX_3.4.32";

        const uint ShtGnuVerdef = 0x6ffffffd;
        const uint ShtGnuVerneed = 0x6ffffffe;

        /// <summary>Every version requirement in the file (empty when it has none).</summary>
        public static IReadOnlyList<ElfVersionNeed> Read(byte[] elf)
        {
            var needs = new List<ElfVersionNeed>();
            foreach (var section in Sections(elf, ShtGnuVerneed))
            {
                long need = section.Offset;
                for (int n = 0; n < section.EntryCount; n++)
                {
                    string library = CString(elf, section.Strings + U32(elf, need + 4));
                    int auxCount = U16(elf, need + 2);
                    long aux = need + U32(elf, need + 8);
                    for (int a = 0; a < auxCount; a++)
                    {
                        string version = CString(elf, section.Strings + U32(elf, aux + 8));
                        needs.Add(new ElfVersionNeed(library, version, U16(elf, aux + 4), aux + 4));
                        aux += U32(elf, aux + 12);
                    }
                    need += U32(elf, need + 12);
                }
            }
            return needs;
        }

        /// <summary>
        /// The versions the file defines (its .gnu.version_d section): for libstdc++, GLIBCXX_3.4 ... GLIBCXX_3.4.N,
        /// CXXABI_1.3 ... and the file's own name.
        /// </summary>
        public static IReadOnlyList<string> Definitions(byte[] elf)
        {
            var names = new List<string>();
            foreach (var section in Sections(elf, ShtGnuVerdef))
            {
                long definition = section.Offset;
                for (int n = 0; n < section.EntryCount; n++)
                {
                    // Elf64_Verdef: vd_version, vd_flags, vd_ndx, vd_cnt (2 bytes each), vd_hash, vd_aux, vd_next (4 each);
                    // the first Verdaux it points to names the version.
                    long aux = definition + U32(elf, definition + 12);
                    names.Add(CString(elf, section.Strings + U32(elf, aux)));
                    definition += U32(elf, definition + 16);
                }
            }
            return names;
        }

        /// <summary>Marks every requirement on <paramref name="version"/> weak; returns how many were changed.</summary>
        public static int MarkWeak(byte[] elf, string version)
        {
            int changed = 0;
            foreach (var need in Read(elf))
            {
                if (need.Version != version || need.IsWeak)
                    continue;
                ushort flags = (ushort)(need.Flags | ElfVersionNeed.WeakFlag);
                elf[need.FlagsOffset] = (byte)(flags & 0xFF);
                elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
                changed++;
            }
            return changed;
        }

        sealed class VersionSection
        {
            public long Offset;
            public int EntryCount;
            public long Strings;
        }

        static IEnumerable<VersionSection> Sections(byte[] elf, uint type)
        {
            if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

            long sectionTable = (long)U64(elf, 0x28);
            int sectionSize = U16(elf, 0x3A);
            int sectionCount = U16(elf, 0x3C);
            var found = new List<VersionSection>();
            for (int i = 0; i < sectionCount; i++)
            {
                long header = sectionTable + (long)i * sectionSize;
                if (U32(elf, header + 4) != type)
                    continue;
                long linkedStrings = sectionTable + (long)U32(elf, header + 0x28) * sectionSize;
                found.Add(new VersionSection
                {
                    Offset = (long)U64(elf, header + 0x18),
                    EntryCount = (int)U32(elf, header + 0x2C),      // sh_info: number of entries
                    Strings = (long)U64(elf, linkedStrings + 0x18),
                });
            }
            return found;
        }

        static ushort U16(byte[] b, long at) => (ushort)(b[at] | b[at + 1] << 8);
        static uint U32(byte[] b, long at) => (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
        static ulong U64(byte[] b, long at) => U32(b, at) | (ulong)U32(b, at + 4) << 32;

        static string CString(byte[] b, long at)
        {
            long end = at;
            while (end < b.Length && b[end] != 0)
                end++;
            return Encoding.ASCII.GetString(b, (int)at, (int)(end - at));
        }
    }

    /// <summary>Where this machine's libstdc++ is: the one the loader's cache names, and the one a process has loaded.</summary>
    public static class Libstdcxx
    {
        /// <summary>True when the libstdc++ at <paramref name="path"/> defines <paramref name="version"/>.</summary>
        public static bool Defines(string path, string version) =>
            ElfVersionNeeds.Definitions(File.ReadAllBytes(path)).Contains(version);

        /// <summary>
        /// The x86-64 libstdc++ the dynamic loader's cache names (what a process started without LD_LIBRARY_PATH
        /// loads), else the first one in the usual folders; null when there is none.
        /// </summary>
        public static string? SystemPath()
        {
            foreach (var ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig" })
            {
                if (!File.Exists(ldconfig))
                    continue;
                try
                {
                    var start = new ProcessStartInfo(ldconfig, "-p") { RedirectStandardOutput = true, UseShellExecute = false };
                    using var process = Process.Start(start)!;
                    string listing = process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                    foreach (var line in listing.Split('\n'))
                    {
                        int arrow = line.IndexOf("=>", StringComparison.Ordinal);
                        // TorchSharp ships Linux natives for x86-64 only, so that is the libstdc++ that matters.
                        if (line.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal)
                            && line.Contains("x86-64") && arrow > 0)
                        {
                            string candidate = line.Substring(arrow + 2).Trim();
                            if (File.Exists(candidate))
                                return candidate;
                        }
                    }
                }
                catch (Exception) { /* fall back to the usual folders */ }
            }
            foreach (var dir in new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64", "/lib" })
            {
                string candidate = Path.Combine(dir, "libstdc++.so.6");
                if (File.Exists(candidate))
                    return candidate;
            }
            return null;
        }

        /// <summary>
        /// The libstdc++ mapped into this process (read from /proc/self/maps), which is the one that counts at run
        /// time: LD_LIBRARY_PATH, a conda environment or a container can make it differ from the system's.
        /// Null when none is mapped or there is no /proc (Windows, macOS).
        /// </summary>
        public static string? MappedPath(string mapsFile = "/proc/self/maps")
        {
            if (!File.Exists(mapsFile))
                return null;
            return MappedFiles(File.ReadAllLines(mapsFile))
                .FirstOrDefault(path => Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal));
        }

        /// <summary>The files named in the lines of a /proc/PID/maps listing, each once, in order.</summary>
        public static IReadOnlyList<string> MappedFiles(IEnumerable<string> mapsLines)
        {
            var files = new List<string>();
            foreach (var line in mapsLines)
            {
                // "start-end perms offset dev inode   /path/to/file" (the path may contain spaces).
                int slash = line.IndexOf('/');
                if (slash < 0)
                    continue;   // anonymous memory, [heap], [stack], ...
                string path = line.Substring(slash).TrimEnd();
                if (path.EndsWith(" (deleted)", StringComparison.Ordinal))
                    continue;   // replaced on disk since it was loaded: the file named is not what is mapped
                if (!files.Contains(path))
                    files.Add(path);
            }
            return files;
        }
    }

    /// <summary>What one run of the fix found and did.</summary>
    public enum NativeFixOutcome
    {
        /// <summary>No libstdc++ in play lacks the version (or there is no library to fix): nothing was touched.</summary>
        NotNeeded,

        /// <summary>The requirement is marked weak in the build folder's copy (now, or by an earlier build).</summary>
        Applied,

        /// <summary>The library has no requirement on the version (a TorchSharp upgrade?): nothing was touched.</summary>
        VersionEntryNotFound,
    }

    /// <summary>The outcome of <see cref="LibTorchSharpFix.Apply"/> and a sentence for the build log.</summary>
    public sealed class NativeFixResult
    {
        /// <summary>Creates a result.</summary>
        public NativeFixResult(NativeFixOutcome outcome, string message)
        {
            Outcome = outcome;
            Message = message;
        }

        /// <summary>What happened.</summary>
        public NativeFixOutcome Outcome { get; }

        /// <summary>What happened in words, and what to do about it when something needs doing.</summary>
        public string Message { get; }

        /// <summary>"applied", "not-needed" or "version-entry-not-found", as the build log prints it.</summary>
        public string Name =>
            Outcome == NativeFixOutcome.Applied ? "applied"
            : Outcome == NativeFixOutcome.VersionEntryNotFound ? "version-entry-not-found"
            : "not-needed";
    }

    /// <summary>Decides whether a build folder's libLibTorchSharp.so needs the fix, and applies it.</summary>
    public static class LibTorchSharpFix
    {
        /// <summary>The file the fix edits, next to TorchSharp.dll.</summary>
        public const string FileName = "libLibTorchSharp.so";

        /// <summary>
        /// The libstdc++ files in play on this machine that lack the version: the loader cache's, and the one this
        /// process (the build) has mapped, which LD_LIBRARY_PATH or a conda environment can make differ.
        /// </summary>
        public static IReadOnlyList<string> LibstdcxxWithoutVersion()
        {
            var lacking = new List<KeyValuePair<string, byte[]>>();
            foreach (var path in new[] { Libstdcxx.SystemPath(), Libstdcxx.MappedPath() })
            {
                if (path == null || !File.Exists(path))
                    continue;
                byte[] elf = File.ReadAllBytes(path);
                // The loader cache often names a symbolic link to the very file that is mapped: one file, said once.
                bool seen = lacking.Any(other => other.Value.SequenceEqual(elf));
                if (!seen && !ElfVersionNeeds.Definitions(elf).Contains(ElfVersionNeeds.UnusedGlibcxxVersion))
                    lacking.Add(new KeyValuePair<string, byte[]>(path, elf));
            }
            return lacking.Select(pair => pair.Key).ToList();
        }

        /// <summary>
        /// In <paramref name="folder"/>, marks libLibTorchSharp.so's requirement on GLIBCXX_3.4.32 weak when a libstdc++
        /// in play lacks that version, or always when <paramref name="always"/> (for a process that will run elsewhere).
        /// The edited copy is written next to the file and renamed over it in one step, so the file is never missing or
        /// half-written, and a build that copied it as a hard link to the NuGet cache leaves the cache's file untouched.
        /// </summary>
        public static NativeFixResult Apply(string folder, bool always)
        {
            string library = Path.Combine(folder, FileName);
            string version = ElfVersionNeeds.UnusedGlibcxxVersion;
            if (!File.Exists(library))
                return new NativeFixResult(NativeFixOutcome.NotNeeded, $"no {FileName} in {folder}: nothing to fix.");

            var lacking = always ? new List<string>() : LibstdcxxWithoutVersion().ToList();
            if (!always && lacking.Count == 0)
                return new NativeFixResult(NativeFixOutcome.NotNeeded, $"this machine's libstdc++ defines {version}: {library} is left as shipped.");
            string why = always ? "asked for with TorchSharpNativeFix=always" : $"{string.Join(" and ", lacking)} lacks it";

            byte[] elf = File.ReadAllBytes(library);
            var needs = ElfVersionNeeds.Read(elf).Where(n => n.Version == version).ToList();
            if (needs.Count == 0)
            {
                return new NativeFixResult(NativeFixOutcome.VersionEntryNotFound,
                    $"{library} has no requirement on {version} to mark optional ({why}), so it was left as shipped. "
                    + "TorchSharp was probably upgraded. Run `dotnet run --project tools/lesson -- doctor`: if TorchSharp loads, "
                    + "this fix is no longer needed (remove build/TorchSharpNativeFix.*); if it does not, the new library asks for "
                    + "another version, and build/TorchSharpNativeFix.cs must be checked against it (objdump -p " + FileName + ").");
            }
            if (needs.All(n => n.IsWeak))
                return new NativeFixResult(NativeFixOutcome.Applied, $"{version} is already optional in {library} ({why}).");

            ElfVersionNeeds.MarkWeak(elf, version);
            string temporary = library + ".patching";
            File.WriteAllBytes(temporary, elf);
            File.Replace(temporary, library, null);   // rename(2) over the old name: atomic on Linux
            return new NativeFixResult(NativeFixOutcome.Applied, $"marked {version} optional in {library} ({why}).");
        }
    }
}

#if !LESSON_LIB
namespace Segmentation.Build
{
    using Microsoft.Build.Framework;
    using Segmentation.Native;

    /// <summary>
    /// MSBuild task: in <see cref="Directory"/>, replaces libLibTorchSharp.so by a copy whose GLIBCXX_3.4.32
    /// requirement is weak, when this machine's libstdc++ lacks that version (or always, when <see cref="Mode"/> is
    /// "always"). A library without that requirement is reported as a warning that says what to do.
    /// </summary>
    public sealed class PatchLibTorchSharp : Microsoft.Build.Utilities.Task
    {
        [Required] public string Directory { get; set; } = "";

        /// <summary>"auto" (the default: only where a libstdc++ in play lacks the version) or "always".</summary>
        public string Mode { get; set; } = "auto";

        /// <summary>"applied" (patched now or before), "not-needed" or "version-entry-not-found".</summary>
        [Output] public string Result { get; set; } = "";

        public override bool Execute()
        {
            bool always = string.Equals(Mode, "always", StringComparison.OrdinalIgnoreCase);
            if (!always && !string.Equals(Mode, "auto", StringComparison.OrdinalIgnoreCase))
            {
                Log.LogError($"TorchSharpNativeFix must be 'auto' or 'always', not '{Mode}'.");
                return false;
            }

            var result = LibTorchSharpFix.Apply(Directory, always);
            Result = result.Name;
            if (result.Outcome == NativeFixOutcome.VersionEntryNotFound)
                Log.LogWarning(null, "LESSON001", null, null, 0, 0, 0, 0, "TorchSharp native fix: " + result.Message);
            else
                Log.LogMessage(MessageImportance.Normal, "TorchSharp native fix: " + result.Message);
            return true;
        }
    }
}
#endif
