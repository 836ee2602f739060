using System.Diagnostics;
using System.Text.Json;
using Segmentation.Models;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson bench memory [--epochs 20] [--size 128] [--model unet] [--json]`: trains on the PH2 sample and records the
/// process's resident memory after every epoch, to show that a long run does not grow.
/// </summary>
public static class MemoryBenchCommand
{
    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: ["--json"], values: ["--epochs", "--size", "--model", "--data"]);
        int epochs = options.Int("--epochs", 20), size = options.Int("--size", 128);
        string modelName = options.Value("--model", "unet");
        using var data = TrainingDataChoice.Load("ph2", options.ValueOrNull("--data"), size, seed: 1);
        Seeds.Set(1);
        using var model = ModelCatalog.Create(modelName);
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = epochs, BatchSize = 8 });
        var residentMegabytes = new List<double>();
        var process = Process.GetCurrentProcess();
        trainer.Fit(data.TrainImages, data.TrainMasks, data.ValidationImages, data.ValidationMasks, onEpoch: e =>
        {
            process.Refresh();
            double rss = process.WorkingSet64 / (1024.0 * 1024.0);
            residentMegabytes.Add(rss);
            if (!options.Has("--json"))
                Console.WriteLine($"epoch {e.Epoch,2}: resident memory {rss:F0} MB, Dice {e.ValidationDice:F3} ({e.Seconds:F1} s)");
        });

        // Epoch 1 includes one-time growth (allocator pools, first-touch pages); compare from epoch 2 on.
        double second = residentMegabytes[Math.Min(1, residentMegabytes.Count - 1)], last = residentMegabytes[^1];
        double growth = (last - second) / second;
        if (options.Has("--json"))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = modelName, size, epochs,
                rss_mb = residentMegabytes.Select(m => Math.Round(m, 1)),
                growth_epoch2_to_last = Math.Round(growth, 4),
            }));
        else
            Console.WriteLine($"resident memory epoch 2 -> {residentMegabytes.Count}: {second:F0} MB -> {last:F0} MB ({growth:+0.0%;-0.0%})");
        return 0;
    }
}
