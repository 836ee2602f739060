using System.CommandLine;
using System.Globalization;
using Segmentation.Native;

namespace Lesson.Tool.Commands;

/// <summary>
/// The options `bench train` and `bench epoch` share: <c>--threads N</c> for libtorch on both sides, and
/// <c>--compare-python [--rounds 3] [--python PATH]</c> to run the same work in PyTorch, taking turns.
/// Each command makes its own set (an option belongs to one command).
/// </summary>
sealed class PythonComparisonOptions
{
    public Option<int?> Threads { get; } = CliOptions.OptionalPositiveInt("--threads",
        "CPU threads for libtorch, on both sides of a comparison (default: libtorch's own, one per core)");
    public Option<bool> Compare { get; } = CliOptions.Flag("--compare-python",
        "run the same work in PyTorch (tools/bench/pytorch_step.py) too, each side in a fresh process, taking turns; print the kit/PyTorch ratio");
    public Option<int> Rounds { get; } = CliOptions.PositiveInt("--rounds", 3, "with --compare-python: turns each side takes (the median of the rounds' ratios is reported)");
    public Option<string?> Python { get; } = CliOptions.Text("--python", "PATH",
        "with --compare-python: the Python interpreter that has torch (default: python3 on the PATH, then /usr/bin/python3)");

    /// <summary>Adds the options to <paramref name="command"/>; --rounds and --python without --compare-python are refused.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Threads);
        command.Options.Add(Compare);
        command.Options.Add(Rounds);
        command.Options.Add(Python);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Compare))
                return;
            foreach (var option in new Option[] { Rounds, Python })
                if (result.GetResult(option) is { Implicit: false })
                    result.AddError($"{option.Name} goes with --compare-python");
        });
    }

    /// <summary>Sets libtorch's threads for this process when --threads was given, and returns the number in use.</summary>
    public int ApplyThreads(ParseResult parsed)
    {
        TorchRuntime.EnsureLoaded();
        if (parsed.GetValue(Threads) is int threads)
            TorchSharp.torch.set_num_threads(threads);
        return TorchRuntime.Describe().Threads;
    }

    /// <summary>A number as the other process reads it, whatever this machine's language.</summary>
    public static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
