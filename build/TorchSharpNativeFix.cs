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
// and into the course library, where `lesson doctor` uses the reader to report whether the fix is on.
// The library defines LESSON_LIB, which leaves out the MSBuild-specific part at the bottom.

#nullable enable
// Written for C# 7.3 / netstandard2.0 (what MSBuild's inline-task compiler offers): no records, no spans.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
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

    /// <summary>Reads and edits the symbol-version requirements of a 64-bit little-endian ELF shared library.</summary>
    public static class ElfVersionNeeds
    {
        /// <summary>The libstdc++ version that TorchSharp 0.107.0 asks for but never binds.</summary>
        public const string UnusedGlibcxxVersion = "GLIBCXX_3.4.32";

        /// <summary>Every version requirement in the file (empty when it has none).</summary>
        public static IReadOnlyList<ElfVersionNeed> Read(byte[] elf)
        {
            if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException("not an ELF file");
            if (elf[4] != 2 || elf[5] != 1)
                throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

            long sectionTable = (long)U64(elf, 0x28);
            int sectionSize = U16(elf, 0x3A);
            int sectionCount = U16(elf, 0x3C);
            var needs = new List<ElfVersionNeed>();
            for (int i = 0; i < sectionCount; i++)
            {
                long header = sectionTable + (long)i * sectionSize;
                const uint ShtGnuVerneed = 0x6ffffffe;
                if (U32(elf, header + 4) != ShtGnuVerneed)
                    continue;

                long offset = (long)U64(elf, header + 0x18);
                int entryCount = (int)U32(elf, header + 0x2C);      // sh_info: number of Verneed entries
                long linkedStrings = sectionTable + (long)U32(elf, header + 0x28) * sectionSize;
                long strings = (long)U64(elf, linkedStrings + 0x18);

                long need = offset;
                for (int n = 0; n < entryCount; n++)
                {
                    string library = CString(elf, strings + U32(elf, need + 4));
                    int auxCount = U16(elf, need + 2);
                    long aux = need + U32(elf, need + 8);
                    for (int a = 0; a < auxCount; a++)
                    {
                        string version = CString(elf, strings + U32(elf, aux + 8));
                        needs.Add(new ElfVersionNeed(library, version, U16(elf, aux + 4), aux + 4));
                        aux += U32(elf, aux + 12);
                    }
                    need += U32(elf, need + 12);
                }
            }
            return needs;
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

        /// <summary>
        /// True when this machine's libstdc++ (as the dynamic loader finds it) defines <paramref name="version"/>.
        /// Returns null when no libstdc++ can be found (then we leave everything alone).
        /// </summary>
        public static bool? SystemLibstdcxxHas(string version)
        {
            string? path = FindSystemLibstdcxx();
            if (path == null)
                return null;
            byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
            return IndexOf(File.ReadAllBytes(path), needle) >= 0;
        }

        static string? FindSystemLibstdcxx()
        {
            // Ask the loader's cache first: it is what will be used at run time.
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

        static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                    j++;
                if (j == needle.Length)
                    return i;
            }
            return -1;
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
}

#if !LESSON_LIB
namespace Segmentation.Build
{
    using Microsoft.Build.Framework;
    using Segmentation.Native;

    /// <summary>
    /// MSBuild task: in <see cref="Directory"/>, replaces libLibTorchSharp.so by a copy whose
    /// GLIBCXX_3.4.32 requirement is weak, when this machine's libstdc++ lacks that version.
    /// </summary>
    public sealed class PatchLibTorchSharp : Microsoft.Build.Utilities.Task
    {
        [Required] public string Directory { get; set; } = "";

        /// <summary>"applied" (patched now or before) or "not-needed".</summary>
        [Output] public string Result { get; set; } = "";

        public override bool Execute()
        {
            string library = Path.Combine(Directory, "libLibTorchSharp.so");
            string version = ElfVersionNeeds.UnusedGlibcxxVersion;
            if (!File.Exists(library) || ElfVersionNeeds.SystemLibstdcxxHas(version) != false)
            {
                Result = "not-needed";
                return true;
            }

            byte[] elf = File.ReadAllBytes(library);
            int changed = ElfVersionNeeds.MarkWeak(elf, version);
            if (changed > 0)
            {
                // Write a new file and move it over the old one: if the build copied the library
                // as a hard link to the NuGet cache, the cache's file stays untouched.
                string temporary = library + ".patching";
                File.WriteAllBytes(temporary, elf);
                File.Delete(library);
                File.Move(temporary, library);
                Log.LogMessage(MessageImportance.Normal,
                    $"TorchSharp native fix: marked {version} weak in {library} (this machine's libstdc++ lacks it).");
            }
            Result = "applied";
            return true;
        }
    }
}
#endif
