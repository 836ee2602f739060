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
    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: ["--json"], values: ["--checkpoint", "--dataset", "--data", "--split"]);
        string checkpointPath = options.Value("--checkpoint", "");
        if (checkpointPath == "")
            throw new UsageException("--checkpoint FILE is required (lesson train writes best.ckpt in its --out folder)");
        string split = options.Value("--split", "validation");
        if (split is not ("validation" or "all"))
            throw new UsageException($"--split must be validation or all, not '{split}'");

        var (model, info) = Checkpoint.LoadModel(checkpointPath);   // a bad checkpoint's message is printed by Cli
        string dataset = options.Value("--dataset", info.Run?.Dataset ?? "ph2");
        int seed = info.Run?.SplitSeed ?? 1;

        using var disposeModel = model;
        var (images, masks, count) = TrainingDataChoice.LoadForEvaluation(dataset, options.ValueOrNull("--data"), info.ImageSize, seed, split == "validation");
        using (images)
        using (masks)
        using (var trainer = new Trainer(model, new TrainingOptions { BatchSize = 8 }))
        {
            var counts = trainer.Evaluate(images, masks).Counts;
            if (options.Has("--json"))
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
