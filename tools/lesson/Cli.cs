using Lesson.Tool.Commands;
using Lesson.Tool.Notebooks;

namespace Lesson.Tool;

/// <summary>Dispatches `lesson COMMAND ...` to the command that handles it.</summary>
public static class Cli
{
    public static async Task<int> MainAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }

        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "run" => await RunCommand.ExecuteAsync(rest),
                RunCommand.ChildCommandName => await RunCommand.ExecuteChildAsync(rest),
                "doctor" => DoctorCommand.Execute(rest),
                "bench" when rest is ["data", ..] => BenchDataCommand.Execute(rest[1..]),
                "bench" => BenchCommand.Execute(rest),
                "data" => DataCommand.Execute(rest),
                _ => UnknownCommand(args[0]),
            };
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"lesson {args[0]}: {error.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    static int UnknownCommand(string name)
    {
        Console.Error.WriteLine($"lesson: unknown command '{name}'.");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    const string Usage = """
        usage: lesson <command> [options]

          run [NOTEBOOK...] [--inplace]   execute notebooks headless (default: every course notebook)
          doctor [--json]                  check that TorchSharp loads and report the device
          bench train [--model unet] [--size 256] [--batch 8] [--steps 20] [--json]
                                           median training-step time and peak memory
          bench data [--size 256] [--runs 5] [--json]
                                           images per second from PH2-size BMP files to tensors
          data inspect ph2|mads [DIR] [--json] [--headers-only]
                                           cases, classes, image size and problems of a dataset folder
                                           (without DIR: the generated sample in data/, made on first use)
          data sample ph2|mads --out DIR [--count N] [--seed S]
                                           write a generated sample in the dataset's real layout
        """;
}
