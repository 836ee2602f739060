using System.CommandLine;
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
    static readonly Option<string> Model = CliOptions.Choice("--model", ModelCatalog.Names, "unet", "model", "the network to time");
    static readonly Option<int> Size = CliOptions.PositiveInt("--size", 256, "image side in pixels");
    static readonly Option<int> Batch = CliOptions.PositiveInt("--batch", 8, "images per training step");
    static readonly Option<int> Steps = CliOptions.PositiveInt("--steps", 20, "training steps to time");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the timings as one JSON line");
    static readonly PythonComparisonOptions Comparison = new();

    /// <summary>`lesson bench train`.</summary>
    public static Command Create()
    {
        var command = new Command("train", "Median training-step time and peak memory, on random images; with --compare-python, "
            + "the same steps in PyTorch and the kit/PyTorch ratio.") { Model, Size, Batch, Steps, Json };
        Comparison.AddTo(command);
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string modelName = parsed.GetValue(Model)!;
        int size = parsed.GetValue(Size);
        int batch = parsed.GetValue(Batch);
        int steps = parsed.GetValue(Steps);
        int threads = Comparison.ApplyThreads(parsed);
        if (parsed.GetValue(Comparison.Compare))
            return CompareWithPython(parsed, modelName, size, batch, steps, threads);

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
                threads,
            }));
        }
        else
        {
            Console.WriteLine($"{modelName} {size}x{size} batch {batch}, {threads} threads: median {timings.MedianStepSeconds:F3} s/step "
                + $"(min {timings.MinStepSeconds:F3}, max {timings.MaxStepSeconds:F3}, {timings.Steps} steps), peak memory {timings.PeakMemoryMegabytes:F0} MB");
        }
        return 0;
    }

    static int CompareWithPython(ParseResult parsed, string modelName, int size, int batch, int steps, int threads)
    {
        if (modelName is not ("unet" or "segnet"))
            throw new UsageException($"the PyTorch side has the lesson's unet and segnet only, not '{modelName}'.");
        int rounds = parsed.GetValue(Comparison.Rounds);
        var (found, problem) = PythonBench.Find(parsed.GetValue(Comparison.Python));
        if (found is not string python)
        {
            Console.Error.WriteLine($"lesson bench train --compare-python: {problem}");
            return ExitCodes.Failed;
        }
        bool json = parsed.GetValue(Json);
        string Text(int value) => PythonComparisonOptions.Text(value);
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
