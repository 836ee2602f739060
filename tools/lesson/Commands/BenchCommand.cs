using System.Globalization;
using System.Text.Json;
using Segmentation.Models;
using Segmentation.Native;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson bench train [--model unet] [--size 256] [--batch 8] [--steps 20] [--threads N] [--json]`: training-step timings
/// (--threads: libtorch's CPU threads, default one per core).
/// With `--compare-python [--rounds 3] [--python PATH]`: the same steps in PyTorch (tools/bench/pytorch_step.py),
/// each side in a fresh process, taking turns, and the ratio of the medians.
/// </summary>
public static class BenchCommand
{
    const string Usage = "usage: lesson bench train [--model unet] [--size 256] [--batch 8] [--steps 20] [--threads N] [--json] "
        + "[--compare-python [--rounds 3] [--python PATH]]";

    public static int Execute(string[] args)
    {
        if (args.Length == 0 || args[0] != "train")
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var options = CommandOptions.Parse(args[1..], flags: ["--json", "--compare-python"],
            values: ["--model", "--size", "--batch", "--steps", "--threads", "--rounds", "--python"]);
        string modelName = options.Value("--model", "unet");
        int size = options.Int("--size", 256);
        int batch = options.Int("--batch", 8);
        int steps = options.Int("--steps", 20);
        if (!ModelCatalog.Names.Contains(modelName))
            throw new UsageException($"unknown model '{modelName}'. Available: {string.Join(", ", ModelCatalog.Names)}.");
        TorchRuntime.EnsureLoaded();
        if (options.ValueOrNull("--threads") is not null)
        {
            int threads = options.Int("--threads", 0);
            if (threads < 1)
                throw new UsageException("--threads must be at least 1.");
            TorchSharp.torch.set_num_threads(threads);   // for this process; the comparison hands it to both sides
        }
        if (options.Has("--compare-python"))
            return CompareWithPython(options, modelName, size, batch, steps);

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
                threads = TorchRuntime.Describe().Threads,
            }));
        }
        else
        {
            Console.WriteLine($"{modelName} {size}x{size} batch {batch}: median {timings.MedianStepSeconds:F3} s/step "
                + $"(min {timings.MinStepSeconds:F3}, max {timings.MaxStepSeconds:F3}, {timings.Steps} steps), peak memory {timings.PeakMemoryMegabytes:F0} MB");
        }
        return 0;
    }

    static int CompareWithPython(CommandOptions options, string modelName, int size, int batch, int steps)
    {
        if (modelName is not ("unet" or "segnet"))
            throw new UsageException($"the PyTorch side has the lesson's unet and segnet only, not '{modelName}'.");
        int rounds = options.Int("--rounds", 3);
        if (rounds < 1)
            throw new UsageException("--rounds must be at least 1.");
        var (found, problem) = PythonBench.Find(options.ValueOrNull("--python"));
        if (found is not string python)
        {
            Console.Error.WriteLine($"lesson bench train --compare-python: {problem}");
            return 3;
        }
        bool json = options.Has("--json");
        int threads = TorchRuntime.Describe().Threads;
        string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
        string[] shared = ["--model", modelName, "--size", Text(size), "--batch", Text(batch), "--steps", Text(steps), "--threads", Text(threads)];

        var kit = new List<double>();
        var pytorch = new List<double>();
        string pytorchVersion = "";
        for (int round = 1; round <= rounds; round++)
        {
            // Who goes first alternates, so a machine that slowly gets busier or quieter favours neither side.
            double kitSeconds = 0, pytorchSeconds = 0;
            foreach (bool kitTurn in round % 2 == 1 ? new[] { true, false } : [false, true])
            {
                if (kitTurn)
                    kitSeconds = PythonBench.RunKit(["bench", "train", .. shared, "--json"]).GetProperty("median_step_s").GetDouble();
                else
                {
                    var result = PythonBench.RunPython(python, ["step", .. shared]);
                    pytorchSeconds = result.GetProperty("median_step_s").GetDouble();
                    pytorchVersion = result.GetProperty("pytorch").GetString() ?? "";
                }
            }
            kit.Add(kitSeconds);
            pytorch.Add(pytorchSeconds);
            if (!json)
                Console.WriteLine($"round {round}/{rounds}: kit {kitSeconds:F3} s/step, PyTorch {pytorchSeconds:F3} s/step, ratio {kitSeconds / pytorchSeconds:F2}");
        }

        // The ratio of each round compares runs made minutes apart; their median resists one disturbed round.
        double ratio = PythonBench.Median(kit.Zip(pytorch, (k, p) => k / p));
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                model = modelName, size, batch, steps, rounds, threads, pytorch = pytorchVersion,
                kit_median_step_s = Math.Round(PythonBench.Median(kit), 4),
                pytorch_median_step_s = Math.Round(PythonBench.Median(pytorch), 4),
                ratio = Math.Round(ratio, 3),
                kit_rounds_s = kit.Select(s => Math.Round(s, 4)),
                pytorch_rounds_s = pytorch.Select(s => Math.Round(s, 4)),
            }));
        }
        else
        {
            Console.WriteLine($"{modelName} {size}x{size} batch {batch}, {threads} threads, {rounds} rounds: kit median {PythonBench.Median(kit):F3} s/step, "
                + $"PyTorch {pytorchVersion} median {PythonBench.Median(pytorch):F3} s/step; kit/PyTorch {ratio:F2} (median of the rounds' ratios)");
        }
        return 0;
    }
}
