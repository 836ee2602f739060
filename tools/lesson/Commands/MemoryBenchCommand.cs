using System.CommandLine;
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
    static readonly Option<int> Epochs = CliOptions.PositiveInt("--epochs", 20, "epochs to train");
    static readonly Option<int> Size = CliOptions.PositiveInt("--size", 128, "image side in pixels");
    static readonly Option<string> Model = CliOptions.Choice("--model", ModelCatalog.Names, "unet", "model", "the network to train");
    static readonly Option<string?> Data = CliOptions.ExistingFolder("--data", "dataset", "Give the folder you extracted PH2 into.",
        "the PH2 folder (default: the real dataset under data/ when fetched there, else the generated sample)");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the memory after each epoch as one JSON line");

    /// <summary>`lesson bench memory`.</summary>
    public static Command Create()
    {
        var command = new Command("memory", "Resident memory after every epoch of a long training run.") { Epochs, Size, Model, Data, Json };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        int epochs = parsed.GetValue(Epochs), size = parsed.GetValue(Size);
        string modelName = parsed.GetValue(Model)!;
        bool json = parsed.GetValue(Json);
        using var data = TrainingDataChoice.Load("ph2", parsed.GetValue(Data), size, seed: 1);
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
            if (!json)
                Console.WriteLine($"epoch {e.Epoch,2}: resident memory {rss:F0} MB, Dice {e.ValidationDice:F3} ({e.Seconds:F1} s)");
        });

        // Epoch 1 includes one-time growth (allocator pools, first-touch pages); compare from epoch 2 on.
        double second = residentMegabytes[Math.Min(1, residentMegabytes.Count - 1)], last = residentMegabytes[^1];
        double growth = (last - second) / second;
        if (json)
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
