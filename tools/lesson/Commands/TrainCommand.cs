using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Segmentation.Losses;
using Segmentation.Models;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson train [--dataset ph2|mads] [--data DIR] [--model unet|unet-double|segnet] [--loss bce|dice|bce-dice|focal] [--size 128] [--epochs 12] [--batch 8]
/// [--lr 0.001] [--seed 1] [--out DIR] [--resume] [--json]`: trains, keeps the best checkpoint, and reports held-out scores.
/// </summary>
public static class TrainCommand
{
    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: ["--json", "--resume"],
            values: ["--dataset", "--data", "--model", "--loss", "--size", "--epochs", "--batch", "--lr", "--seed", "--out"]);
        string dataset = options.Value("--dataset", "ph2");
        string modelName = options.Value("--model", "unet");
        string lossName = options.Value("--loss", "bce");
        if (!LossCatalog.Names.Contains(lossName) || lossName == "cross-entropy")
            throw new UsageException($"unknown binary loss '{lossName}'. Available: bce, dice, bce-dice, focal.");
        int size = options.Int("--size", 128), epochs = options.Int("--epochs", 12), batch = options.Int("--batch", 8), seed = options.Int("--seed", 1);
        double learningRate = double.Parse(options.Value("--lr", "0.001"), CultureInfo.InvariantCulture);
        string outFolder = Path.GetFullPath(options.Value("--out", Path.Combine("artifacts", "train", modelName)));
        bool json = options.Has("--json");
        if (!ModelCatalog.Names.Contains(modelName))
            throw new UsageException($"unknown model '{modelName}'. Available: {string.Join(", ", ModelCatalog.Names)}.");

        var status = json ? Console.Error : Console.Out;
        using var data = TrainingDataChoice.Load(dataset, options.ValueOrNull("--data"), size, seed);
        status.WriteLine($"{dataset}: {data.TrainCount} training and {data.ValidationCount} validation images at {size}x{size} from {data.Folder}"
            + (data.Generated ? " (generated sample)" : ""));

        Seeds.Set(seed);
        using var model = ModelCatalog.Create(modelName);
        string checkpoint = Path.Combine(outFolder, "best.ckpt");
        var trainingOptions = new TrainingOptions
        {
            Epochs = epochs, BatchSize = batch, LearningRate = learningRate, Seed = seed, CheckpointPath = checkpoint,
            Schedule = LearningRateSchedule.Cosine(), Loss = LossCatalog.Create(lossName),
        };
        using var trainer = new Trainer(model, trainingOptions, run: new RunMetadata(dataset, seed, lossName));
        if (options.Has("--resume") && File.Exists(trainer.LastCheckpointPath))
        {
            var resumed = trainer.Resume(trainer.LastCheckpointPath!);
            status.WriteLine($"resuming after epoch {resumed.Epoch} from {trainer.LastCheckpointPath}");
        }

        var progress = new ProgressLine(status);
        var clock = Stopwatch.StartNew();
        string historyPath = Path.Combine(outFolder, "history.json");
        IReadOnlyList<EpochResult> history;
        try
        {
            history = trainer.Fit(data.TrainImages, data.TrainMasks, data.ValidationImages, data.ValidationMasks,
                onEpoch: e => progress.Finish($"epoch {e.Epoch}/{epochs}: loss {e.TrainLoss:F3}, val loss {e.ValidationLoss:F3}, "
                    + $"Dice {e.ValidationDice:F3}, IoU {e.ValidationIoU:F3} ({e.Seconds:F1} s)"),
                onProgress: p => progress.Update(p.ToString()));
        }
        catch (TrainingDivergedException)
        {
            TrainingHistory.Write(historyPath, trainer.History);   // the epochs up to the divergence; Cli prints the message
            throw;
        }
        double seconds = clock.Elapsed.TotalSeconds;

        var best = history.MaxBy(h => h.ValidationDice)!;
        TrainingHistory.Write(historyPath, history);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = modelName,
                epochs = history.Count,
                train_seconds = Math.Round(seconds, 1),
                val = new { dice = Math.Round(best.ValidationDice, 4), iou = Math.Round(best.ValidationIoU, 4), pixel_accuracy = Math.Round(best.PixelAccuracy, 4) },
                checkpoint,
            }));
        }
        else
        {
            Console.WriteLine($"best epoch {best.Epoch}: Dice {best.ValidationDice:F3}, IoU {best.ValidationIoU:F3}, pixel accuracy {best.PixelAccuracy:F3}; "
                + $"{seconds:F0} s of training; checkpoint {checkpoint}");
        }
        return 0;
    }
}
