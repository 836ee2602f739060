using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Native;

/// <summary>What `lesson doctor` reports about the machine learning runtime.</summary>
/// <param name="TorchVersion">libtorch version, e.g. 2.10.0.</param>
/// <param name="Device">"cuda" when TorchSharp sees a GPU, else "cpu".</param>
/// <param name="NativeFix">"applied" when the loaded libLibTorchSharp.so carries the older-libstdc++ fix, else "not-needed".</param>
/// <param name="Threads">Threads libtorch uses for CPU work.</param>
/// <param name="NativeFolder">Folder the native libraries were loaded from.</param>
public sealed record TorchRuntimeInfo(string TorchVersion, string Device, string NativeFix, int Threads, string NativeFolder);

/// <summary>
/// Loads TorchSharp's native libraries with a clear message when they cannot load,
/// and tunes the process for fast CPU training.
/// </summary>
public static class TorchRuntime
{
    static readonly object Gate = new();
    static bool loaded;

    /// <summary>
    /// Makes sure libtorch is loaded. Safe to call many times. Throws an exception that says what to do
    /// when the native library cannot load (instead of an unexplained TypeInitializationException).
    /// </summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (loaded)
                return;
            GlibcMalloc.KeepFreedMemory();
            try
            {
                InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception error) when (error is TypeInitializationException or DllNotFoundException or NotSupportedException)
            {
                throw new InvalidOperationException(Explain(error), error);
            }
            loaded = true;
        }
    }

    /// <summary>The libtorch version, the device training will use, and whether the native fix is in place.</summary>
    public static TorchRuntimeInfo Describe()
    {
        EnsureLoaded();
        return new TorchRuntimeInfo(
            TorchVersion: __version__,
            Device: DefaultDevice.type == DeviceType.CUDA ? "cuda" : "cpu",
            NativeFix: NativeFixState(NativeFolder),
            Threads: get_num_threads(),
            NativeFolder: NativeFolder);
    }

    /// <summary>CUDA when TorchSharp can see a GPU, otherwise the CPU.</summary>
    public static Device DefaultDevice
    {
        get
        {
            EnsureLoaded();
            return cuda.is_available() ? CUDA : CPU;
        }
    }

    /// <summary>The folder holding TorchSharp.dll, where the build puts the native libraries.</summary>
    public static string NativeFolder => Path.GetDirectoryName(typeof(torch).Assembly.Location) ?? AppContext.BaseDirectory;

    /// <summary>"applied" when the libLibTorchSharp.so in <paramref name="folder"/> has its GLIBCXX_3.4.32 need marked weak.</summary>
    public static string NativeFixState(string folder)
    {
        string library = Path.Combine(folder, "libLibTorchSharp.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(library))
            return "not-needed";
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(library));
        return needs.Any(n => n.Version == ElfVersionNeeds.UnusedGlibcxxVersion && n.IsWeak) ? "applied" : "not-needed";
    }

    static string Explain(Exception error)
    {
        string detail = error.InnerException?.Message ?? error.Message;
        string advice = detail.Contains("GLIBCXX", StringComparison.Ordinal)
            ? $"This process loaded {LoadedCppRuntime.OfThisProcess().Path ?? "a libstdc++"}, which is older than TorchSharp's "
              + "native library asks for, and the copy next to TorchSharp.dll is not fixed for it. The kit's build fixes that "
              + "copy where this machine needs it: build the kit here with `dotnet build` (the README's commands do this). If "
              + "this process runs elsewhere than the build (a container, a notebook kernel with another LD_LIBRARY_PATH), build "
              + "with `dotnet build -p:TorchSharpNativeFix=always`. In a notebook, load the library with "
              + "#!import ../lib/Segmentation.csx (it references the build folder) instead of #r \"nuget: TorchSharp\"."
            : "Build the kit with `dotnet build` so the native libraries are copied next to TorchSharp.dll, then try again.";
        return $"TorchSharp's native library could not be loaded from {NativeFolder}: {detail}\n{advice}";
    }
}
