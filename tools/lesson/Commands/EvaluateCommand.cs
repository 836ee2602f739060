using System.CommandLine;
using System.Text.Json;
using static TorchSharp.torch;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson evaluate --checkpoint F [--dataset ph2|mads] [--data DIR] [--split validation|all] [--json]`:
/// scores a trained model; by default on the validation images of the split it was trained with.
/// </summary>
public static class EvaluateCommand
{
    static readonly Option<string> CheckpointFile = CliOptions.ExistingFile("--checkpoint", "checkpoint", CheckpointHint,
        "the checkpoint to score (lesson train writes best.ckpt in its --out folder)");
    static readonly Option<string> Dataset = CliOptions.Choice("--dataset", TrainingDataChoice.Datasets, null, "dataset",
        "the dataset to score on (default: the one the model was trained on)");
    static readonly Option<string?> Data = CliOptions.ExistingFolder("--data", "dataset", "Give the folder you extracted the dataset into.",
        "the dataset's folder (default: the real dataset under data/ when fetched there, else the generated sample)");
    static readonly Option<string> Split = CliOptions.Choice("--split", ["validation", "all"], "validation", "split",
        "score the validation images of the training split, or every image");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the scores as one JSON line");

    /// <summary>Where a checkpoint comes from, said when the one named does not exist.</summary>
    internal const string CheckpointHint = "Check the path, or train a model first (lesson train --out DIR writes DIR/best.ckpt).";

    public static Command Create()
    {
        var command = new Command("evaluate", "Score a trained model: Dice, IoU and pixel accuracy.") { CheckpointFile, Dataset, Data, Split, Json };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string checkpointPath = parsed.GetValue(CheckpointFile)!;
        string split = parsed.GetValue(Split)!;

        var (model, info) = Checkpoint.LoadModel(checkpointPath);   // a bad checkpoint's message is printed by Cli
        string dataset = parsed.GetValue(Dataset) ?? info.Run?.Dataset ?? "ph2";
        int seed = info.Run?.SplitSeed ?? 1;

        using var disposeModel = model;
        var (images, masks, count) = TrainingDataChoice.LoadForEvaluation(dataset, parsed.GetValue(Data), info.ImageSize, seed, split == "validation");
        using (images)
        using (masks)
        using (var trainer = new Trainer(model, new TrainingOptions { BatchSize = 8 }))
        {
            var counts = trainer.Evaluate(images, masks).Counts;
            if (parsed.GetValue(Json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    images = count,
                    dice = Math.Round(counts.Dice, 4),
                    iou = Math.Round(counts.IoU, 4),
                    pixel_accuracy = Math.Round(counts.PixelAccuracy, 4),
                }));
            else
                Console.WriteLine($"{count} images ({split}): Dice {counts.Dice:F3}, IoU {counts.IoU:F3}, pixel accuracy {counts.PixelAccuracy:F3}");
        }
        return 0;
    }
}
