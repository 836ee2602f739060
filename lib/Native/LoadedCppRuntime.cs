namespace Segmentation.Native;

/// <summary>
/// The C++ runtime (libstdc++) this process actually loaded, and whether it defines the version TorchSharp's native
/// library asks for. The build decides about the native fix from the libstdc++ it sees; this is what counts when the
/// library runs, and LD_LIBRARY_PATH, a conda environment, a container or a kernel started elsewhere can load another.
/// </summary>
/// <param name="Path">The libstdc++ mapped into this process; null where none is (Windows, macOS).</param>
/// <param name="HasRequiredVersion">Whether it defines GLIBCXX_3.4.32; null when there is none or it cannot be read.</param>
public sealed record LoadedCppRuntime(string? Path, bool? HasRequiredVersion)
{
    /// <summary>The version TorchSharp 0.107.0's native library asks for.</summary>
    public const string RequiredVersion = ElfVersionNeeds.UnusedGlibcxxVersion;

    /// <summary>The libstdc++ this process has mapped, from /proc/self/maps.</summary>
    public static LoadedCppRuntime OfThisProcess() => Of(Libstdcxx.MappedPath());

    /// <summary>The libstdc++ at <paramref name="path"/>, checked for <see cref="RequiredVersion"/>.</summary>
    public static LoadedCppRuntime Of(string? path)
    {
        if (path is null)
            return new LoadedCppRuntime(null, null);
        try
        {
            return new LoadedCppRuntime(path, Libstdcxx.Defines(path, RequiredVersion));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidDataException or IndexOutOfRangeException)
        {
            return new LoadedCppRuntime(path, null);
        }
    }

    /// <summary>
    /// What this libstdc++ means for TorchSharp in a process where TorchSharp loaded, given
    /// <paramref name="nativeFix"/> ("applied" or "not-needed") for the native library in use.
    /// </summary>
    public string Verdict(string nativeFix) => (Path, HasRequiredVersion, nativeFix == "applied") switch
    {
        (null, _, _) => "none loaded (not Linux): the native fix does not apply",
        (_, null, _) => $"{Path}, which could not be read: cannot tell whether it defines {RequiredVersion}",
        (_, true, false) => $"{Path} defines {RequiredVersion}: TorchSharp's native library loads as shipped",
        (_, true, true) => $"{Path} defines {RequiredVersion}: the fixed copy in use is not needed here, and harmless",
        (_, false, true) => $"{Path} lacks {RequiredVersion}: TorchSharp loads here only through the fixed copy in use",
        (_, false, false) => $"{Path} lacks {RequiredVersion}, yet TorchSharp loaded without the fix: its native library "
                             + "does not ask for that version (a TorchSharp upgrade?)",
    };
}
