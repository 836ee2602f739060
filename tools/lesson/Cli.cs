using Lesson.Tool.Commands;
using Lesson.Tool.Notebooks;
using Segmentation.Training;

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
                "kernel" => KernelCommand.Execute(rest),
                "train" => TrainCommand.Execute(rest),
                "evaluate" => EvaluateCommand.Execute(rest),
                "predict" => PredictCommand.Execute(rest),
                "fetch" => await FetchCommand.ExecuteAsync(rest),
                "bench" when rest.Length > 0 && rest[0] == "soak" => SoakCommand.Execute(rest[1..]),
                "bench" when rest.Length > 0 && rest[0] == "memory" => MemoryBenchCommand.Execute(rest[1..]),
                SoakCommand.ChildName => SoakCommand.ExecuteChild(rest),
                "bench" when rest is ["data", ..] => BenchDataCommand.Execute(rest[1..]),
                "bench" when rest is ["epoch", ..] => BenchEpochCommand.Execute(rest[1..]),
                "data" => DataCommand.Execute(rest),
                "bench" => BenchCommand.Execute(rest),
                _ => UnknownCommand(args[0]),
            };
        }
        catch (UsageException error)
        {
            Console.Error.WriteLine($"lesson {args[0]}: {error.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception error) when (error is CheckpointException or TrainingDivergedException)
        {
            // Their messages name the file or the step and say what to do; a stack trace would only hide that.
            Console.Error.WriteLine(error.Message);
            return 1;
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
          kernel install [--path DIR]      register the pinned .NET kernel with Jupyter, on 127.0.0.1 only
          train [--dataset ph2|mads] [--data DIR] [--model unet|unet-double|segnet] [--loss bce|dice|bce-dice|focal]
                [--size 128] [--epochs 12]
                [--batch 8] [--lr 0.001] [--seed 1] [--out DIR] [--resume] [--json]
                                           train, keep the best checkpoint, report held-out Dice/IoU
          evaluate --checkpoint F [--dataset ph2|mads] [--data DIR] [--split validation|all] [--json]
                                           score a trained model
          predict --checkpoint F --input IMAGE_OR_DIR --out DIR [--threshold 0.5]
                                           masks and overlays at each image's own size
          fetch ph2|mads [--from URL_OR_FILE_OR_FOLDER] [--dest DIR] [--sha256 HEX] [--kaggle-api URL]
                                           download (resumable) or take a local copy, extract safely into
                                           data/PH2Dataset or data/mads and check it (MADS: Kaggle API token)
          bench train [--model unet|unet-double|segnet] [--size 256] [--batch 8] [--steps 20] [--threads N] [--json]
                      [--compare-python [--rounds 3] [--python PATH]]
                                           median training-step time and peak memory; with --compare-python,
                                           the same steps in PyTorch, taking turns, and the kit/PyTorch ratio
          bench epoch [--model unet|segnet] [--size 128] [--batch 8] [--epochs 3] [--json] [--compare-python ...]
                                           loading and epoch times of `train`'s default training on PH2
          bench soak [--runs 6] [--steps 2000] [--path kit|torchsharp] [--json]
                                           train under constant garbage collection; count aborts
          bench memory [--epochs 20] [--size 128] [--model unet] [--json]
                                           resident memory after every epoch of a long run
          bench data [--size 256] [--runs 5] [--json]
                                           images per second from PH2-size BMP files to tensors
          data inspect ph2|mads [DIR] [--json] [--headers-only]
                                           cases, classes, image size and problems of a dataset folder
                                           (without DIR: the generated sample in data/, made on first use)
          data sample ph2|mads --out DIR [--count N] [--seed S]
                                           write a generated sample in the dataset's real layout
        """;
}
