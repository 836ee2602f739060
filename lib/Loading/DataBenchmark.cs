using System.Diagnostics;
using Segmentation.Data;

namespace Segmentation.Loading;

/// <summary>What <see cref="DataBenchmark.Run"/> measured.</summary>
/// <param name="Images">Images read per run.</param>
/// <param name="Size">Side of the square they were resized to.</param>
/// <param name="Runs">Timed runs (after one untimed warm-up run).</param>
/// <param name="ImagesPerSecond">Median over the runs: images decoded, resized and turned into one tensor, per second.</param>
/// <param name="PairsPerSecond">Median over the runs: image and mask pairs, per second (masks thresholded too).</param>
/// <param name="Threads">Cores the work was spread over.</param>
/// <param name="CpuMillisecondsPerImage">
/// Median processor time per image (all cores together). Unlike the rates, it hardly changes when other programs
/// compete for the cores, so it tells a slow machine from a busy one.
/// </param>
public sealed record DataBenchmarkResult(
    int Images, int Size, int Runs, double ImagesPerSecond, double PairsPerSecond, int Threads, double CpuMillisecondsPerImage);

/// <summary>
/// Measures how fast the kit turns dataset files into tensors: decode, resize, convert, stack, as
/// <see cref="ImageTensors.LoadPairs(IEnumerable{ISegmentationPair}, int)"/> does. The original Python lesson
/// (skimage imread and resize) manages about 24 PH2 images per second on the project's machines.
/// </summary>
public static class DataBenchmark
{
    /// <summary>Times <paramref name="runs"/> passes over <paramref name="pairs"/> (after a warm-up pass) and returns the medians.</summary>
    public static DataBenchmarkResult Run(IReadOnlyList<ISegmentationPair> pairs, int size, int runs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        LoadImages(pairs, size); // warm-up: JIT compilation and first file reads are not what we measure
        var images = new List<double>();
        var both = new List<double>();
        var cpu = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (int run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            LoadImages(pairs, size);
            images.Add(pairs.Count / clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / pairs.Count);

            clock.Restart();
            var (imageTensor, maskTensor) = ImageTensors.LoadPairs(pairs, size);
            both.Add(pairs.Count / clock.Elapsed.TotalSeconds);
            imageTensor.Dispose();
            maskTensor.Dispose();
        }
        return new DataBenchmarkResult(pairs.Count, size, runs, Median(images), Median(both), Environment.ProcessorCount, Median(cpu));
    }

    /// <summary>Decode, resize and convert every image into one [N, 3, size, size] tensor, in parallel.</summary>
    static void LoadImages(IReadOnlyList<ISegmentationPair> pairs, int size) =>
        ImageTensors.LoadImages(pairs.Select(p => p.ImagePath).ToList(), size).Dispose();

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
