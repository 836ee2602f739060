using System.Diagnostics;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>Timing of training steps, as printed by `lesson bench train`.</summary>
/// <param name="MedianStepSeconds">Median seconds per step after warm-up.</param>
/// <param name="MinStepSeconds">Fastest step.</param>
/// <param name="MaxStepSeconds">Slowest step.</param>
/// <param name="Steps">Timed steps.</param>
/// <param name="PeakMemoryMegabytes">Peak resident memory of the process so far.</param>
public sealed record StepTimings(double MedianStepSeconds, double MinStepSeconds, double MaxStepSeconds, int Steps, double PeakMemoryMegabytes);

/// <summary>Measures training-step time on random data of a given size (no data loading in the loop).</summary>
public static class StepBenchmark
{
    /// <summary>Runs <paramref name="warmup"/> untimed steps, then <paramref name="steps"/> timed ones.</summary>
    public static StepTimings Run(nn.Module<Tensor, Tensor> model, int size, int batch, int steps = 20, int warmup = 3, int seed = 1)
    {
        Seeds.Set(seed);
        using var trainer = new Trainer(model, new TrainingOptions { BatchSize = batch, Seed = seed });
        using var images = rand(batch, 3, size, size);
        using var masks = rand(batch, 1, size, size).gt(0.5).to(ScalarType.Float32);
        var all = Enumerable.Range(0, batch).Select(i => (long)i).ToArray();

        for (int i = 0; i < warmup; i++)
            trainer.TrainStep(images, masks, all);
        var seconds = new double[steps];
        for (int i = 0; i < steps; i++)
        {
            var clock = Stopwatch.StartNew();
            trainer.TrainStep(images, masks, all);
            seconds[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        double median = steps % 2 == 1 ? seconds[steps / 2] : (seconds[steps / 2 - 1] + seconds[steps / 2]) / 2;
        double peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return new StepTimings(median, seconds[0], seconds[^1], steps, peak);
    }
}
