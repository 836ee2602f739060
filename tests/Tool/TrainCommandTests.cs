using System.Text.Json;
using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Samples;

namespace Lesson.Tests.Tool;

/// <summary>`lesson train` and `lesson evaluate` as a script would call them: real processes, real files.</summary>
public class TrainCommandTests
{
    [Fact]
    public void Train_then_evaluate_report_the_documented_json_keys_and_agree()
    {
        string folder = RepoPaths.NewTempFolder("train-cli");
        string data = Ph2Sample.Write(Path.Combine(folder, "data"), count: 40, seed: 5);
        string output = Path.Combine(folder, "out");

        var train = ToolProcess.Run(folder, TimeSpan.FromMinutes(10), "train", "--data", data, "--size", "64", "--epochs", "10",
            "--batch", "4", "--out", output, "--json");
        Assert.True(train.ExitCode == 0, train.Output + train.Error);
        using var trained = JsonDocument.Parse(train.Output.Trim().Split('\n')[^1]);
        var t = trained.RootElement;
        Assert.Equal("unet", t.GetProperty("model").GetString());
        Assert.Equal(10, t.GetProperty("epochs").GetInt32());
        Assert.True(t.GetProperty("train_seconds").GetDouble() > 0);
        double dice = t.GetProperty("val").GetProperty("dice").GetDouble();
        Assert.InRange(dice, 0.5, 1.0);
        Assert.InRange(t.GetProperty("val").GetProperty("iou").GetDouble(), 0.3, 1.0);
        Assert.InRange(t.GetProperty("val").GetProperty("pixel_accuracy").GetDouble(), 0.5, 1.0);
        string checkpoint = t.GetProperty("checkpoint").GetString()!;
        Assert.True(File.Exists(checkpoint));

        var evaluate = ToolProcess.Run(folder, TimeSpan.FromMinutes(5), "evaluate", "--checkpoint", checkpoint, "--data", data, "--json");
        Assert.True(evaluate.ExitCode == 0, evaluate.Output + evaluate.Error);
        using var evaluated = JsonDocument.Parse(evaluate.Output.Trim());
        var e = evaluated.RootElement;
        var expectedValidation = Split.Stratified(Ph2Dataset.Load(data), c => c.Diagnosis, 0.1, seed: 1).Validation.Count;
        Assert.Equal(expectedValidation, e.GetProperty("images").GetInt32());   // the same split the training used
        Assert.Equal(dice, e.GetProperty("dice").GetDouble(), 3);   // same split, same best model
        Assert.True(e.TryGetProperty("iou", out _) && e.TryGetProperty("pixel_accuracy", out _));

        // predict: masks and overlays at each image's own size (768x560 here), for a whole folder.
        string images = Path.Combine(folder, "to-predict");
        Directory.CreateDirectory(images);
        foreach (var c in Ph2Dataset.Load(data).Take(2))
            File.Copy(c.ImagePath, Path.Combine(images, Path.GetFileName(c.ImagePath)));
        string predictions = Path.Combine(folder, "predictions");
        var predict = ToolProcess.Run(folder, TimeSpan.FromMinutes(5), "predict", "--checkpoint", checkpoint, "--input", images, "--out", predictions);
        Assert.True(predict.ExitCode == 0, predict.Output + predict.Error);
        var written = Directory.GetFiles(predictions).Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(4, written.Count);
        Assert.All(written, name => Assert.Matches(@"^IMD\d{3}_(mask|overlay)\.png$", name));
        using var maskImage = SixLabors.ImageSharp.Image.Load(Path.Combine(predictions, written[0]));
        Assert.Equal((768, 560), (maskImage.Width, maskImage.Height));
    }

    [Fact]
    public void Evaluate_with_a_damaged_checkpoint_says_so_and_fails()
    {
        string folder = RepoPaths.NewTempFolder("bad-ckpt");
        string checkpoint = Path.Combine(folder, "best.ckpt");
        File.WriteAllBytes(checkpoint, [1, 2, 3]);
        var result = ToolProcess.Run(folder, TimeSpan.FromMinutes(2), "evaluate", "--checkpoint", checkpoint, "--json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a checkpoint", result.Error);
        Assert.Equal("", result.Output.Trim());
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("train")]
    public void Predict_and_resume_with_a_damaged_checkpoint_say_so_without_a_stack_trace(string command)
    {
        string folder = RepoPaths.NewTempFolder("bad-ckpt-" + command);
        string checkpoint = Path.Combine(folder, "best.ckpt");
        File.WriteAllBytes(checkpoint, [1, 2, 3]);
        File.WriteAllBytes(Path.Combine(folder, "best.last.ckpt"), [1, 2, 3]);   // what train --resume reads
        string[] args = command == "predict"
            ? ["predict", "--checkpoint", checkpoint, "--input", folder, "--out", Path.Combine(folder, "out")]
            : ["train", "--epochs", "1", "--size", "32", "--out", folder, "--resume"];
        File.WriteAllBytes(Path.Combine(folder, "some.png"), [1, 2, 3]);          // predict needs an image to be asked for

        var result = ToolProcess.Run(folder, TimeSpan.FromMinutes(5), args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a checkpoint", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
