using System.CommandLine;
using System.Text.Json;
using Segmentation.Native;

namespace Lesson.Tool.Commands;

/// <summary>`lesson doctor [--json]`: checks that TorchSharp loads and says which device training will use.</summary>
public static class DoctorCommand
{
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the report as one JSON line");

    public static Command Create()
    {
        var command = new Command("doctor", "Check that TorchSharp loads and report the device training will use.") { Json };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
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
        if (parsed.GetValue(Json))
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
