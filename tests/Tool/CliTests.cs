namespace Lesson.Tests.Tool;

/// <summary>
/// How `lesson` reads its command line, as a user meets it: per-command help, typo suggestions, one-line errors and the
/// exit codes 0 (done), 1 (failed) and 2 (bad command line). Real processes; none of these commands gets to train.
/// </summary>
public class CliTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    static ToolProcess.Result Lesson(params string[] args) => ToolProcess.Run(RepoPaths.Root, Timeout, args);

    [Fact]
    public void Train_help_lists_trains_options_with_their_defaults_allowed_values_and_the_exit_codes()
    {
        var result = Lesson("train", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("lesson train [options]", result.Output);
        foreach (string option in new[] { "--dataset", "--data", "--model", "--loss", "--size", "--epochs", "--batch", "--lr", "--seed", "--out", "--resume", "--json" })
            Assert.Contains($"  {option} ", result.Output);
        Assert.Contains("--model <unet|unet-double|segnet>", result.Output);
        Assert.Contains("--loss <bce|dice|bce-dice|focal>", result.Output);
        Assert.Matches(@"--size <N>\s+.*\[default: 128\]", result.Output);
        Assert.DoesNotContain("--checkpoint", result.Output);   // evaluate's, not train's
        Assert.Matches(@"(?m)^\s+2\s+bad command line", result.Output);
        Assert.Equal(result.Output, Lesson("help", "train").Output);   // `lesson help train` is the same
    }

    [Fact]
    public void The_overview_lists_every_command_and_no_command_at_all_is_a_usage_error()
    {
        var help = Lesson("--help");
        var nothing = Lesson();

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(2, nothing.ExitCode);
        Assert.Equal(help.Output, nothing.Output);
        foreach (string command in new[] { "run", "doctor", "kernel install", "train", "evaluate", "predict", "export", "fetch",
                     "bench train", "bench epoch", "bench soak", "bench memory", "bench data", "bench samples", "data inspect", "data sample" })
            Assert.Matches($@"(?m)^  {command} ", help.Output);
        Assert.Matches(@"(?m)^\s+0\s+done", help.Output);
        Assert.Matches(@"(?m)^\s+1\s+failed", help.Output);
        Assert.DoesNotContain("run-notebook-child", help.Output);   // hidden children
        Assert.DoesNotContain("bench-soak-child", help.Output);
    }

    [Theory]
    [InlineData("lesson: unknown command 'trian' (did you mean 'train'?)", "trian")]
    [InlineData("lesson bench: unknown command 'sok' (did you mean 'soak'?)", "bench", "sok")]
    [InlineData("lesson train: unknown option '--siz' (did you mean '--size'?)", "train", "--siz", "64")]
    [InlineData("lesson run: unknown option '--inplce' (did you mean '--inplace'?)", "run", "--inplce")]
    [InlineData("lesson data inspect: unknown option '--jsn' (did you mean '--json'?)", "data", "inspect", "ph2", "--jsn")]
    public void A_typo_gets_a_suggestion_and_exit_code_2(string expected, params string[] args)
    {
        var result = Lesson(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal([expected, $"Try '{expected[..expected.IndexOf(':')]} --help'."], Lines(result.Error));
    }

    [Theory]
    [InlineData("lesson train: --size needs a positive whole number, not 'abc'", "train", "--size", "abc")]
    [InlineData("lesson train: --size needs a positive whole number, not '0'", "train", "--size", "0")]
    [InlineData("lesson train: unknown model 'unett'; the models are unet, unet-double or segnet (did you mean 'unet'?)", "train", "--model", "unett")]
    [InlineData("lesson train: unknown loss 'l2'; the losses are bce, dice, bce-dice or focal", "train", "--loss", "l2")]
    [InlineData("lesson train: unknown dataset 'isic'; the datasets are ph2 or mads", "train", "--dataset", "isic")]
    [InlineData("lesson train: --lr needs a positive number (e.g. 0.001), not '1e-3x'", "train", "--lr", "1e-3x")]
    [InlineData("lesson train: unexpected argument 'extra'", "train", "extra")]
    [InlineData("lesson bench train: --steps needs a positive whole number, not '-1'", "bench", "train", "--steps", "-1")]
    [InlineData("lesson bench soak: unknown path 'gc'; the paths are kit or torchsharp", "bench", "soak", "--path", "gc")]
    [InlineData("lesson bench train: --rounds goes with --compare-python", "bench", "train", "--rounds", "5")]
    [InlineData("lesson bench epoch: --python goes with --compare-python", "bench", "epoch", "--python", "/usr/bin/python3")]
    [InlineData("lesson bench epoch: unknown model 'unet-double'; the models are unet or segnet", "bench", "epoch", "--model", "unet-double")]
    [InlineData("lesson bench train: --threads needs a positive whole number, not '0'", "bench", "train", "--threads", "0")]
    [InlineData("lesson bench: name a command: train, epoch, soak, memory, data or samples", "bench")]
    [InlineData("lesson export: unknown format 'onnx'; the formats are pytorch or safetensors", "export", "--checkpoint", "tools/lesson/Cli.cs", "--format", "onnx")]
    [InlineData("lesson evaluate: unknown split 'test'; the splits are validation or all", "evaluate", "--checkpoint", "tools/lesson/Cli.cs", "--split", "test")]
    [InlineData("lesson data sample: --count can be at most 400", "data", "sample", "ph2", "--out", "unused", "--count", "401")]
    [InlineData("lesson fetch: --sha256 needs 64 hex digits, not 'abc'", "fetch", "ph2", "--sha256", "abc")]
    public void A_bad_value_is_one_line_naming_the_option_and_exit_code_2_before_anything_runs(string expected, params string[] args)
    {
        var result = Lesson(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Equal(expected, Lines(result.Error)[0]);
        Assert.Equal(2, Lines(result.Error).Count);   // the error and "Try 'lesson ... --help'."
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Each_mistake_on_a_line_gets_its_own_line()
    {
        string folder = RepoPaths.NewTempFolder("cli-two-mistakes");
        var result = Lesson("predict", "--checkpoint", Path.Combine(folder, "best.ckpt"), "--input", folder, "--out", folder, "--threshold", "1.5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(3, Lines(result.Error).Count);
        Assert.Contains("--threshold needs a number between 0 and 1 (e.g. 0.5), not '1.5'", result.Error);
        Assert.Contains($"there is no checkpoint file {Path.Combine(folder, "best.ckpt")}", result.Error);
    }

    /// <summary>
    /// A checkpoint path that does not exist is a bad command line (2), like any file or folder named that is not there;
    /// a checkpoint that exists but is damaged is a failure (1: see TrainCommandTests).
    /// </summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("predict")]
    [InlineData("export")]
    public void A_missing_checkpoint_file_is_named_with_exit_code_2(string command)
    {
        string folder = RepoPaths.NewTempFolder("cli-no-ckpt-" + command);
        string missing = Path.Combine(folder, "artifacts", "best.ckpt");
        string[] args = command switch
        {
            "predict" => ["predict", "--checkpoint", missing, "--input", folder, "--out", Path.Combine(folder, "out")],
            "export" => ["export", "--checkpoint", missing, "--format", "pytorch"],
            _ => ["evaluate", "--checkpoint", missing],
        };

        var result = ToolProcess.Run(folder, Timeout, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"lesson {command}: --checkpoint: there is no checkpoint file {missing}. "
            + "Check the path, or train a model first (lesson train --out DIR writes DIR/best.ckpt).", Lines(result.Error)[0]);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));   // nothing was done
    }

    [Fact]
    public void A_folder_given_as_checkpoint_and_a_missing_data_folder_are_named()
    {
        string folder = RepoPaths.NewTempFolder("cli-paths");
        string missing = Path.Combine(folder, "PH2");

        var checkpoint = Lesson("evaluate", "--checkpoint", folder);
        var data = Lesson("train", "--data", missing);

        Assert.Equal(2, checkpoint.ExitCode);
        Assert.StartsWith($"lesson evaluate: --checkpoint: {folder} is a folder, not a checkpoint file.", checkpoint.Error);
        Assert.Equal(2, data.ExitCode);
        Assert.StartsWith($"lesson train: --data: there is no dataset folder {missing}. Give the folder you extracted the dataset into.", data.Error);
    }

    [Fact]
    public void A_dataset_folder_without_images_fails_with_exit_code_1_and_the_librarys_message()
    {
        string empty = RepoPaths.NewTempFolder("cli-empty-ph2");

        var result = Lesson("train", "--data", empty, "--epochs", "1", "--out", Path.Combine(empty, "out"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"lesson train: No PH2 images under '{empty}'", result.Error);
        Assert.Single(Lines(result.Error));
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void A_required_option_left_out_is_a_usage_error()
    {
        var result = Lesson("export", "--format", "pytorch");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("lesson export: ", result.Error);
        Assert.Contains("--checkpoint", Lines(result.Error)[0]);
        Assert.Equal("Try 'lesson export --help'.", Lines(result.Error)[^1]);
    }

    [Theory]
    [InlineData("run-notebook-child", "x.ipynb", "--output", "x.out.ipynb", "--result", "x.json")]   // as RunCommand starts it
    [InlineData("bench-soak-child", "kit", "50", "3")]                                                // as SoakCommand starts it
    public void The_hidden_children_read_what_their_parents_pass(params string[] args)
    {
        var result = Lesson(["[diagram]", .. args]);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.StartsWith($"[ lesson [ {args[0]} ", result.Output);
        Assert.Contains($"<{args[1]}>", result.Output);
        Assert.DoesNotContain("???", result.Output);   // unmatched words
        Assert.DoesNotContain("!", result.Output);     // errors
    }

    static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
