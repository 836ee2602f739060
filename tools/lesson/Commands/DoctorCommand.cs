using System.Text.Json;
using Segmentation.Native;

namespace Lesson.Tool.Commands;

/// <summary>`lesson doctor [--json]`: checks that TorchSharp loads and says which device training will use.</summary>
public static class DoctorCommand
{
    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: ["--json"], values: []);
        TorchRuntimeInfo info;
        try
        {
            info = TorchRuntime.Describe();
        }
        catch (InvalidOperationException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }

        // The libstdc++ this process really loaded: the build's decision about the fix was made from another one.
        var cpp = LoadedCppRuntime.OfThisProcess();
        if (options.Has("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                torch = info.TorchVersion,
                device = info.Device,
                native_fix = info.NativeFix,
                threads = info.Threads,
                malloc_tuned = GlibcMalloc.Applied,
                native_folder = info.NativeFolder,
                libstdcxx = cpp.Path,
                libstdcxx_has_glibcxx_3_4_32 = cpp.HasRequiredVersion,
            }));
        }
        else
        {
            Console.WriteLine($"libtorch    {info.TorchVersion}");
            Console.WriteLine($"device      {info.Device} ({info.Threads} threads)");
            Console.WriteLine($"native fix  {info.NativeFix}  ({info.NativeFolder})");
            Console.WriteLine($"libstdc++   {cpp.Verdict(info.NativeFix)}");
            Console.WriteLine($"malloc      {(GlibcMalloc.Applied ? "tuned for training (freed memory kept)" : "default")}");
        }
        return 0;
    }
}
