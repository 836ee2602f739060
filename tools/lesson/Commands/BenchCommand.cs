using System.CommandLine;
using System.Text.Json;
using Segmentation.Models;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>`lesson bench train [--model unet] [--size 256] [--batch 8] [--steps 20] [--json]`: training-step timings.</summary>
public static class BenchCommand
{
    static readonly Option<string> Model = CliOptions.Choice("--model", ModelCatalog.Names, "unet", "model", "the network to time");
    static readonly Option<int> Size = CliOptions.PositiveInt("--size", 256, "image side in pixels");
    static readonly Option<int> Batch = CliOptions.PositiveInt("--batch", 8, "images per training step");
    static readonly Option<int> Steps = CliOptions.PositiveInt("--steps", 20, "training steps to time");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the timings as one JSON line");

    /// <summary>`lesson bench train`.</summary>
    public static Command Create()
    {
        var command = new Command("train", "Median training-step time and peak memory, on random images.") { Model, Size, Batch, Steps, Json };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string modelName = parsed.GetValue(Model)!;
        int size = parsed.GetValue(Size);
        int batch = parsed.GetValue(Batch);
        int steps = parsed.GetValue(Steps);

        Seeds.Set(1);
        using var model = ModelCatalog.Create(modelName);
        var timings = StepBenchmark.Run(model, size, batch, steps);
        if (parsed.GetValue(Json))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = modelName,
                size,
                batch,
                steps = timings.Steps,
                median_step_s = Math.Round(timings.MedianStepSeconds, 4),
                min_step_s = Math.Round(timings.MinStepSeconds, 4),
                max_step_s = Math.Round(timings.MaxStepSeconds, 4),
                peak_memory_mb = Math.Round(timings.PeakMemoryMegabytes, 1),
            }));
        }
        else
        {
            Console.WriteLine($"{modelName} {size}x{size} batch {batch}: median {timings.MedianStepSeconds:F3} s/step "
                + $"(min {timings.MinStepSeconds:F3}, max {timings.MaxStepSeconds:F3}, {timings.Steps} steps), peak memory {timings.PeakMemoryMegabytes:F0} MB");
        }
        return 0;
    }
}
