using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Segmentation.Models;
using Segmentation.Native;
using Segmentation.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson bench soak [--runs 6] [--steps 2000] [--path kit|torchsharp] [--json]`: trains in child processes while another
/// thread forces garbage collections non-stop, and counts processes that abort.
/// Why: TorchSharp 0.107.0 lets the garbage collector free temporary Scalars (made by <c>add_(1)</c>, Adam's <c>mul_(beta1)</c>)
/// while libtorch still reads them. Path "kit" is this library's Trainer (our Adam and batch norm hold their Scalars);
/// path "torchsharp" is TorchSharp's own Adam and BatchNorm2d, for comparison.
/// </summary>
public static class SoakCommand
{
    public const string ChildName = "bench-soak-child";

    static readonly string[] Paths = ["kit", "torchsharp"];

    static readonly Option<int> Runs = CliOptions.PositiveInt("--runs", 6, "child processes to train in, one after another");
    static readonly Option<int> Steps = CliOptions.PositiveInt("--steps", 2000, "training steps in each");
    static readonly Option<string> PathOption = CliOptions.Choice("--path", Paths, "kit", "path",
        "kit: this library's Trainer; torchsharp: TorchSharp's own Adam and BatchNorm2d, for comparison");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the counts as one JSON line");

    /// <summary>`lesson bench soak`.</summary>
    public static Command Create()
    {
        var command = new Command("soak", "Train under constant garbage collection in child processes and count the ones that abort.")
        {
            Runs, Steps, PathOption, Json,
        };
        command.SetAction(Execute);
        return command;
    }

    /// <summary>The hidden child command: <c>lesson bench-soak-child PATH STEPS SEED</c>, started by <see cref="RunChild"/>.</summary>
    public static Command CreateChild()
    {
        var path = CliOptions.ChoiceArgument("path", Paths, "which training code to run");
        var steps = new Argument<int>("steps") { Description = "training steps" };
        var seed = new Argument<int>("seed") { Description = "random seed" };
        var command = new Command(ChildName, "Trains under constant garbage collection; prints progress as step counts.") { path, steps, seed };
        command.Hidden = true;
        command.SetAction(parsed => ExecuteChild(parsed.GetValue(path)!, parsed.GetValue(steps), parsed.GetValue(seed)));
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        int runs = parsed.GetValue(Runs), steps = parsed.GetValue(Steps);
        string path = parsed.GetValue(PathOption)!;
        bool json = parsed.GetValue(Json);

        int aborts = 0;
        long stepsDone = 0;
        var clock = Stopwatch.StartNew();
        for (int run = 1; run <= runs; run++)
        {
            var (exitCode, completed, lastError) = RunChild(path, steps, seed: run);
            stepsDone += completed;
            bool aborted = exitCode != 0;
            if (aborted)
                aborts++;
            if (!json)
                Console.WriteLine($"run {run}/{runs} ({path}): {(aborted ? $"ABORTED (exit {exitCode}) after {completed} steps: {lastError}" : $"{completed} steps, no abort")}");
        }

        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new { path, runs, steps_per_run = steps, steps_done = stepsDone, aborts, seconds = Math.Round(clock.Elapsed.TotalSeconds, 1) }));
        else
            Console.WriteLine($"{runs} runs x {steps} steps ({path}): {aborts} aborted, {stepsDone} steps done in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    static (int ExitCode, long Completed, string LastError) RunChild(string path, int steps, int seed)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(SoakCommand).Assembly.Location);
        foreach (var arg in new[] { ChildName, path, steps.ToString(), seed.ToString() })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        long completed = 0;
        var errors = process.StandardError.ReadToEndAsync();
        while (process.StandardOutput.ReadLine() is string line)
            if (long.TryParse(line, out long n))
                completed = n;
        process.WaitForExit();
        string lastError = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return (process.ExitCode, completed, lastError.Trim());
    }

    /// <summary>The child: trains <c>steps</c> steps on random data while a thread forces collections; prints progress as step counts.</summary>
    static int ExecuteChild(string path, int steps, int seed)
    {
        TorchRuntime.EnsureLoaded();
        Seeds.Set(seed);
        var stop = false;
        var collector = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();

        using var images = rand(4, 3, 64, 64);
        using var masks = rand(4, 1, 64, 64).round();
        var all = new long[] { 0, 1, 2, 3 };
        if (path == "kit")
        {
            using var model = new UNet(widths: [8, 16, 32, 64]);
            using var trainer = new Trainer(model, new TrainingOptions { BatchSize = 4 });
            for (int i = 1; i <= steps; i++)
            {
                trainer.TrainStep(images, masks, all);
                if (i % 50 == 0) Console.WriteLine(i);
            }
        }
        else
        {
            // TorchSharp's own layers and optimiser, for comparison only.
            using var model = nn.Sequential(
                nn.Conv2d(3, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(),
                nn.Conv2d(8, 8, 3, padding: 1), nn.BatchNorm2d(8), nn.ReLU(),
                nn.Conv2d(8, 1, 1));
            using var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
            for (int i = 1; i <= steps; i++)
            {
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.binary_cross_entropy_with_logits(model.call(images), masks);
                loss.backward();
                optimizer.step();
                if (i % 50 == 0) Console.WriteLine(i);
            }
        }
        Volatile.Write(ref stop, true);
        Console.WriteLine(steps);
        return 0;
    }
}
