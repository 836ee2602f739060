using System.CommandLine;
using System.Diagnostics;
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
    /// <summary>The losses for a binary mask (cross-entropy needs class ids, which these datasets do not have).</summary>
    static readonly string[] BinaryLosses = LossCatalog.Names.Where(n => n != "cross-entropy").ToArray();

    static readonly Option<string> Dataset = CliOptions.Choice("--dataset", TrainingDataChoice.Datasets, "ph2", "dataset", "the dataset to train on");
    static readonly Option<string?> Data = CliOptions.ExistingFolder("--data", "dataset", "Give the folder you extracted the dataset into.",
        "the dataset's folder (default: the real dataset under data/ when fetched there, else the generated sample)");
    static readonly Option<string> Model = CliOptions.Choice("--model", ModelCatalog.Names, "unet", "model", "the network to train");
    static readonly Option<string> Loss = CliOptions.Choice("--loss", BinaryLosses, "bce", "loss", "the loss to minimise");
    static readonly Option<int> Size = CliOptions.PositiveInt("--size", 128, "image side in pixels (images are resized to SIZE x SIZE)");
    static readonly Option<int> Epochs = CliOptions.PositiveInt("--epochs", 12, "passes over the training images");
    static readonly Option<int> Batch = CliOptions.PositiveInt("--batch", 8, "images per training step");
    static readonly Option<double> LearningRate = CliOptions.PositiveNumber("--lr", 0.001, "Adam's learning rate at the start of the cosine schedule");
    static readonly Option<int> Seed = CliOptions.PositiveInt("--seed", 1, "random seed of the weights, the shuffling and the validation split");
    static readonly Option<string?> Out = CliOptions.Text("--out", "DIR", "folder for best.ckpt, best.last.ckpt and history.json (default: artifacts/train/MODEL)");
    static readonly Option<bool> Resume = CliOptions.Flag("--resume", "continue from the last checkpoint in --out, if there is one");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the result as one JSON line (progress goes to stderr)");

    public static Command Create()
    {
        var command = new Command("train", "Train a network, keep the best checkpoint and report held-out Dice and IoU.")
        {
            Dataset, Data, Model, Loss, Size, Epochs, Batch, LearningRate, Seed, Out, Resume, Json,
        };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string dataset = parsed.GetValue(Dataset)!;
        string modelName = parsed.GetValue(Model)!;
        string lossName = parsed.GetValue(Loss)!;
        int size = parsed.GetValue(Size), epochs = parsed.GetValue(Epochs), batch = parsed.GetValue(Batch), seed = parsed.GetValue(Seed);
        double learningRate = parsed.GetValue(LearningRate);
        string outFolder = Path.GetFullPath(parsed.GetValue(Out) ?? Path.Combine("artifacts", "train", modelName));
        bool json = parsed.GetValue(Json);

        var status = json ? Console.Error : Console.Out;
        using var data = TrainingDataChoice.Load(dataset, parsed.GetValue(Data), size, seed);
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
        if (parsed.GetValue(Resume) && File.Exists(trainer.LastCheckpointPath))
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
