using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Segmentation.Losses;
using Segmentation.Models;
using Segmentation.Native;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson bench epoch [--model unet] [--size 128] [--batch 8] [--epochs 3] [--threads N] [--json]`: the time of `lesson train`'s default
/// training on PH2 (the generated sample when the real dataset is not in data/): loading the images, then each epoch with
/// its validation and checkpoint. With `--compare-python [--rounds 3] [--python PATH]`, the same in PyTorch
/// (tools/bench/pytorch_step.py epoch), each side in a fresh process, taking turns.
/// </summary>
public static class BenchEpochCommand
{
    static readonly string[] LessonModels = ["unet", "segnet"];

    static readonly Option<string> Model = CliOptions.Choice("--model", LessonModels, "unet", "model", "the network to train");
    static readonly Option<int> Size = CliOptions.PositiveInt("--size", 128, "image side in pixels (`lesson train`'s default)");
    static readonly Option<int> Batch = CliOptions.PositiveInt("--batch", 8, "images per training step");
    static readonly Option<int> Epochs = CliOptions.PositiveInt("--epochs", 3, "epochs to train (the median epoch time is reported)");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the timings as one JSON line");
    static readonly PythonComparisonOptions Comparison = new();

    /// <summary>`lesson bench epoch`.</summary>
    public static Command Create()
    {
        var command = new Command("epoch", "Loading and epoch times (validation and checkpoint included) of `lesson train`'s default training on PH2; "
            + "with --compare-python, the same loop in PyTorch and the kit/PyTorch ratio.") { Model, Size, Batch, Epochs, Json };
        Comparison.AddTo(command);
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string modelName = parsed.GetValue(Model)!;
        int size = parsed.GetValue(Size), batch = parsed.GetValue(Batch), epochs = parsed.GetValue(Epochs);
        int threads = Comparison.ApplyThreads(parsed);
        return parsed.GetValue(Comparison.Compare)
            ? Compare(parsed, modelName, size, batch, epochs, threads)
            : Measure(modelName, size, batch, epochs, threads, parsed.GetValue(Json));
    }

    static int Measure(string modelName, int size, int batch, int epochs, int threads, bool json)
    {
        const int seed = 1;
        var clock = Stopwatch.StartNew();
        using var data = TrainingDataChoice.Load("ph2", null, size, seed);
        double loadSeconds = clock.Elapsed.TotalSeconds;

        string folder = Directory.CreateTempSubdirectory("lesson-bench-epoch-").FullName;
        try
        {
            Seeds.Set(seed);
            using var model = ModelCatalog.Create(modelName);
            // The options `lesson train` uses, checkpoints included.
            var trainingOptions = new TrainingOptions
            {
                Epochs = epochs, BatchSize = batch, Seed = seed, CheckpointPath = Path.Combine(folder, "best.ckpt"),
                Schedule = LearningRateSchedule.Cosine(), Loss = LossCatalog.Create("bce"),
            };
            using var trainer = new Trainer(model, trainingOptions);
            var history = trainer.Fit(data.TrainImages, data.TrainMasks, data.ValidationImages, data.ValidationMasks);
            var seconds = history.Select(h => h.Seconds).ToArray();
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    model = modelName, size, batch, epochs, threads,
                    train_images = data.TrainCount, validation_images = data.ValidationCount, data = data.Folder,
                    load_s = Math.Round(loadSeconds, 3),
                    median_epoch_s = Math.Round(PythonBench.Median(seconds), 3),
                    epochs_s = seconds.Select(s => Math.Round(s, 3)),
                    validation_dice = history.Select(h => Math.Round(h.ValidationDice, 4)),
                }));
            }
            else
            {
                Console.WriteLine($"{modelName} {size}x{size} batch {batch} on {data.TrainCount}+{data.ValidationCount} images from {data.Folder}: "
                    + $"loading {loadSeconds:F2} s, median epoch {PythonBench.Median(seconds):F2} s (validation and checkpoint included); "
                    + $"epochs {string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return 0;
    }

    static int Compare(ParseResult parsed, string modelName, int size, int batch, int epochs, int threads)
    {
        int rounds = parsed.GetValue(Comparison.Rounds);
        var (found, problem) = PythonBench.Find(parsed.GetValue(Comparison.Python));
        if (found is not string python)
        {
            Console.Error.WriteLine($"lesson bench epoch --compare-python: {problem}");
            return ExitCodes.Failed;
        }
        bool json = parsed.GetValue(Json);
        string Text(int value) => PythonComparisonOptions.Text(value);
        string[] shared = ["--model", modelName, "--size", Text(size), "--batch", Text(batch), "--epochs", Text(epochs), "--threads", Text(threads)];

        // The same folder and validation size for both sides (made here first if the generated sample is missing).
        var (folder, _) = TrainingDataChoice.Locate("ph2", null);
        int validationCount = TrainingDataChoice.SplitCases("ph2", folder, seed: 1).Validation.Count;
        var kit = new List<(double Load, double Epoch)>();
        var pytorch = new List<(double Load, double Epoch)>();
        string pytorchVersion = "";
        for (int round = 1; round <= rounds; round++)
        {
            JsonElement? kitResult = null, pytorchResult = null;
            foreach (bool kitTurn in round % 2 == 1 ? new[] { true, false } : [false, true])
            {
                if (kitTurn)
                    kitResult = PythonBench.RunKit(["bench", "epoch", .. shared, "--json"]);
                else
                {
                    pytorchResult = PythonBench.RunPython(python, ["epoch", folder, .. shared, "--validation", Text(validationCount)]);
                    pytorchVersion = pytorchResult.Value.GetProperty("pytorch").GetString() ?? "";
                }
            }
            var k = (kitResult!.Value.GetProperty("load_s").GetDouble(), kitResult.Value.GetProperty("median_epoch_s").GetDouble());
            var p = (pytorchResult!.Value.GetProperty("load_s").GetDouble(), pytorchResult.Value.GetProperty("median_epoch_s").GetDouble());
            kit.Add(k);
            pytorch.Add(p);
            if (!json)
                Console.WriteLine($"round {round}/{rounds}: loading kit {k.Item1:F2} s, PyTorch {p.Item1:F2} s; "
                    + $"median epoch kit {k.Item2:F2} s, PyTorch {p.Item2:F2} s, ratio {k.Item2 / p.Item2:F2}");
        }

        double epochRatio = PythonBench.Median(kit.Zip(pytorch, (k, p) => k.Epoch / p.Epoch));
        double loadRatio = PythonBench.Median(kit.Zip(pytorch, (k, p) => k.Load / p.Load));
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = modelName, size, batch, epochs, rounds, pytorch = pytorchVersion,
                kit_load_s = Math.Round(PythonBench.Median(kit.Select(k => k.Load)), 3),
                pytorch_load_s = Math.Round(PythonBench.Median(pytorch.Select(p => p.Load)), 3),
                load_ratio = Math.Round(loadRatio, 3),
                kit_median_epoch_s = Math.Round(PythonBench.Median(kit.Select(k => k.Epoch)), 3),
                pytorch_median_epoch_s = Math.Round(PythonBench.Median(pytorch.Select(p => p.Epoch)), 3),
                epoch_ratio = Math.Round(epochRatio, 3),
            }));
        }
        else
        {
            Console.WriteLine($"{modelName} {size}x{size} batch {batch}, {rounds} rounds: loading kit {PythonBench.Median(kit.Select(k => k.Load)):F2} s, "
                + $"PyTorch {pytorchVersion} {PythonBench.Median(pytorch.Select(p => p.Load)):F2} s (ratio {loadRatio:F2}); median epoch kit "
                + $"{PythonBench.Median(kit.Select(k => k.Epoch)):F2} s, PyTorch {PythonBench.Median(pytorch.Select(p => p.Epoch)):F2} s "
                + $"(kit/PyTorch {epochRatio:F2}, median of the rounds' ratios)");
        }
        return 0;
    }
}
