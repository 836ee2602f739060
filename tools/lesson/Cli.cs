using System.CommandLine;
using System.CommandLine.Invocation;
using Lesson.Tool.Commands;
using Lesson.Tool.Notebooks;
using Segmentation.Training;
using SixLabors.ImageSharp;

namespace Lesson.Tool;

/// <summary>
/// `lesson COMMAND ...`: the commands, parsed by System.CommandLine, and the exit code of each outcome (<see cref="ExitCodes"/>).
/// Each command lives in its own file under Commands/ (run: Notebooks/) with its options and what it does.
/// </summary>
public static class Cli
{
    /// <summary>Words that begin with @ stay words (System.CommandLine would read them as response files).</summary>
    static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// Exceptions reach <see cref="MainAsync"/>, which decides what is printed; Ctrl+C is left to the commands
    /// (fetch keeps a partial download; run's notebook processes stop with it).
    /// </summary>
    static readonly InvocationConfiguration Invocation = new() { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };

    public static async Task<int> MainAsync(string[] args)
    {
        var parsed = BuildCommands().Parse(args, Parsing);
        if (parsed.Action is ParseErrorAction)
            return UsageErrors.Report(parsed);

        var command = parsed.CommandResult.Command;
        try
        {
            return await parsed.InvokeAsync(Invocation);
        }
        catch (UsageException error)
        {
            return UsageErrors.Print(command, [error.Message]);
        }
        catch (Exception error) when (ExplainsItself(error))
        {
            // Their messages name the file or the step and say what to do; a stack trace would only hide that.
            Console.Error.WriteLine($"{UsageErrors.CommandPath(command)}: {error.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception error)
        {
            // A bug: the details are for the report.
            Console.Error.WriteLine($"{UsageErrors.CommandPath(command)}: unexpected error; please report it with these lines:");
            Console.Error.WriteLine(error);
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Failures whose message says what went wrong and what to do: a damaged checkpoint, a diverged run, an unreadable
    /// image or dataset folder, a setting the library refuses (TrainingOptions and the models check their arguments).
    /// </summary>
    static bool ExplainsItself(Exception error) => error is CheckpointException or TrainingDivergedException
        or IOException or UnauthorizedAccessException or InvalidDataException or ImageFormatException or ArgumentException;

    /// <summary>Every command of the tool; hidden ones are the children that `run` and `bench soak` start.</summary>
    public static RootCommand BuildCommands()
    {
        var root = new RootCommand("The course kit's command-line tool.")
        {
            RunCommand.Create(),
            DoctorCommand.Create(),
            KernelCommand.Create(),
            TrainCommand.Create(),
            EvaluateCommand.Create(),
            PredictCommand.Create(),
            ExportCommand.Create(),
            FetchCommand.Create(),
            CommandGroup.Create("bench", "Benchmarks: training-step and epoch time (against PyTorch too), aborts under garbage collection, "
                + "memory over a long run, image loading, how hard the samples are.",
                BenchCommand.Create(), BenchEpochCommand.Create(), SoakCommand.Create(), MemoryBenchCommand.Create(), BenchDataCommand.Create(),
                BenchSamplesCommand.Create()),
            DataCommand.Create(),
            RunCommand.CreateChild(),
            SoakCommand.CreateChild(),
        };
        root.Subcommands.Add(HelpCommand(root));
        root.Directives.Add(new DiagramDirective { ParseErrorReturnValue = ExitCodes.Usage });
        root.SetAction(_ =>
        {
            Console.WriteLine(Overview);
            Console.WriteLine();
            Console.WriteLine(ExitCodes.Help);
            return ExitCodes.Usage;   // no command given
        });
        CliHelp.Install(root, Overview);
        return root;
    }

    /// <summary>`lesson help [COMMAND...]`: the same as `lesson [COMMAND...] --help`, for those who type it that way.</summary>
    static Command HelpCommand(RootCommand root)
    {
        var names = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Show the help of a command.") { names };
        help.Hidden = true;
        help.SetAction(parsed => root.Parse([.. parsed.GetValue(names) ?? [], "--help"], Parsing).Invoke(Invocation));
        return help;
    }

    const string Overview = """
        usage: lesson <command> [options]
               lesson <command> --help           a command's options, defaults and allowed values
               lesson [diagram] <command> ...    how a command line is read, without running it

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
          export --checkpoint F --format pytorch|safetensors [--out FILE] [--json]
                                           the weights as a state dict PyTorch loads (torch.load / safetensors)
          fetch ph2|mads [--from URL_OR_FILE_OR_FOLDER] [--dest DIR] [--sha256 HEX] [--kaggle-api URL]
                                           download (resumable) or take a local copy, extract safely into
                                           data/PH2Dataset or data/mads and check it (MADS: Kaggle API token)
          bench train [--model unet|unet-double|segnet] [--size 256] [--batch 8] [--steps 20] [--threads N]
                      [--json] [--compare-python] [--rounds 3] [--python PATH]
                                           median training-step time and peak memory; with --compare-python,
                                           the same steps in PyTorch, taking turns, and the kit/PyTorch ratio
          bench epoch [--model unet|segnet] [--size 128] [--batch 8] [--epochs 3] [--threads N]
                      [--json] [--compare-python] [--rounds 3] [--python PATH]
                                           loading and epoch times of `train`'s default training on PH2,
                                           against the same loop in PyTorch with --compare-python
          bench soak [--runs 6] [--steps 2000] [--path kit|torchsharp] [--json]
                                           train under constant garbage collection; count aborts
          bench memory [--epochs 20] [--size 128] [--model unet] [--data DIR] [--json]
                                           resident memory after every epoch of a long run
          bench data [--size 256] [--runs 5] [--data DIR] [--json]
                                           images per second from PH2-size BMP files to tensors
          bench samples [--dataset ph2|mads] [--seeds 3] [--data DIR] [--pictures DIR] [--json]
                                           the lessons' trainings on a generated sample over several seeds
          data inspect ph2|mads [DIR] [--json] [--headers-only]
                                           cases, classes, image size and problems of a dataset folder
                                           (without DIR: the generated sample in data/, made on first use)
          data sample ph2|mads --out DIR [--count N] [--seed S]
                                           write a generated sample in the dataset's real layout
        """;
}
