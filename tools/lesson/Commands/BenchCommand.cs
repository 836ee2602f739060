using System.Text.Json;
using Segmentation.Models;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>`lesson bench train [--model unet] [--size 256] [--batch 8] [--steps 20] [--json]`: training-step timings.</summary>
public static class BenchCommand
{
    public static int Execute(string[] args)
    {
        if (args.Length == 0 || args[0] != "train")
        {
            Console.Error.WriteLine("usage: lesson bench train [--model unet] [--size 256] [--batch 8] [--steps 20] [--json]");
            return 2;
        }
        var options = CommandOptions.Parse(args[1..], flags: ["--json"], values: ["--model", "--size", "--batch", "--steps"]);
        string modelName = options.Value("--model", "unet");
        int size = options.Int("--size", 256);
        int batch = options.Int("--batch", 8);
        int steps = options.Int("--steps", 20);
        if (!ModelCatalog.Names.Contains(modelName))
            throw new UsageException($"unknown model '{modelName}'. Available: {string.Join(", ", ModelCatalog.Names)}.");

        Seeds.Set(1);
        using var model = ModelCatalog.Create(modelName);
        var timings = StepBenchmark.Run(model, size, batch, steps);
        if (options.Has("--json"))
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
