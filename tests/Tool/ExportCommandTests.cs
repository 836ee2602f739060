using System.Text.Json;
using Segmentation.Models;
using Segmentation.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static TorchSharp.torch;

namespace Lesson.Tests.Tool;

/// <summary>`lesson export` and `lesson predict` on a JPEG, as a script would call them: real processes, real files.</summary>
public class ExportCommandTests
{
    /// <summary>A small double-conv U-Net checkpoint, as `lesson train --model unet-double` would leave (untrained is enough here).</summary>
    static (nn.Module<Tensor, Tensor> Model, string Checkpoint) SmallCheckpoint(string folder)
    {
        Seeds.Set(9);
        var model = ModelCatalog.Create("unet-double", widths: [4, 8]);
        string path = Path.Combine(folder, "best.ckpt");
        Checkpoint.Save(path, model, new CheckpointInfo("unet-double", null, new RunMetadata("ph2", 1, "bce"), 32, 1, 0.5, null, [], []));
        return (model, path);
    }

    [Theory]
    [InlineData("pytorch", ".pt")]
    [InlineData("safetensors", ".safetensors")]
    public void Export_writes_weights_next_to_the_checkpoint_that_load_back_into_the_same_network(string format, string extension)
    {
        string folder = RepoPaths.NewTempFolder("export-cli-" + format);
        var (model, checkpoint) = SmallCheckpoint(folder);
        using var disposeModel = model;

        var result = ToolProcess.Run(folder, TimeSpan.FromMinutes(3), "export", "--checkpoint", checkpoint, "--format", format, "--json");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output.Trim());
        var report = json.RootElement;
        string written = report.GetProperty("output").GetString()!;
        Assert.Equal(Path.Combine(folder, "best" + extension), written);
        Assert.Equal(format, report.GetProperty("format").GetString());
        Assert.Equal("unet-double", report.GetProperty("model").GetString());
        Assert.Equal((3, 1), (report.GetProperty("in_channels").GetInt32(), report.GetProperty("classes").GetInt32()));
        Assert.Equal([4L, 8L], report.GetProperty("widths").EnumerateArray().Select(w => w.GetInt64()));
        Assert.Equal("double", report.GetProperty("blocks").GetString());
        Assert.Equal(32, report.GetProperty("image_size").GetInt32());
        Assert.Equal(model.state_dict().Count, report.GetProperty("tensors").GetInt32());

        using var reloaded = ModelCatalog.Create("unet-double", widths: [4, 8]);
        WeightsExport.Load(written, reloaded);
        model.eval();
        reloaded.eval();
        using var input = rand(1, 3, 32, 32);
        using var expected = model.call(input);
        using var actual = reloaded.call(input);
        Assert.True(expected.equal(actual).all().item<bool>());
    }

    [Fact]
    public void Export_without_a_format_or_with_a_bad_checkpoint_says_what_is_wrong()
    {
        string folder = RepoPaths.NewTempFolder("export-cli-bad");
        string bogus = Path.Combine(folder, "best.ckpt");
        File.WriteAllBytes(bogus, [1, 2, 3]);

        var noFormat = ToolProcess.Run(folder, TimeSpan.FromMinutes(2), "export", "--checkpoint", bogus);
        var badFormat = ToolProcess.Run(folder, TimeSpan.FromMinutes(2), "export", "--checkpoint", bogus, "--format", "onnx");
        var badCheckpoint = ToolProcess.Run(folder, TimeSpan.FromMinutes(2), "export", "--checkpoint", bogus, "--format", "pytorch");

        Assert.Equal(2, noFormat.ExitCode);
        Assert.Contains("--format is required: pytorch or safetensors", noFormat.Error);
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Contains("unknown format 'onnx'", badFormat.Error);
        Assert.Equal(1, badCheckpoint.ExitCode);
        Assert.Contains("is not a checkpoint", badCheckpoint.Error);
        Assert.DoesNotContain("   at ", badCheckpoint.Error);
        Assert.False(File.Exists(Path.Combine(folder, "best.pt")));
    }

    [Fact]
    public void Predict_reads_jpeg_photos_and_writes_masks_at_their_size()
    {
        string folder = RepoPaths.NewTempFolder("predict-jpeg-cli");
        var (model, checkpoint) = SmallCheckpoint(folder);
        model.Dispose();
        string photos = Path.Combine(folder, "photos");
        Directory.CreateDirectory(photos);
        foreach (string name in new[] { "a.jpg", "b.jpeg" })
        {
            using var image = new Image<Rgb24>(90, 70, new Rgb24(200, 120, 90));
            image.SaveAsJpeg(Path.Combine(photos, name));
        }
        string output = Path.Combine(folder, "masks");

        var result = ToolProcess.Run(folder, TimeSpan.FromMinutes(3), "predict", "--checkpoint", checkpoint, "--input", photos, "--out", output);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Equal(["a_mask.png", "a_overlay.png", "b_mask.png", "b_overlay.png"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        using var mask = Image.Load(Path.Combine(output, "b_mask.png"));
        Assert.Equal((90, 70), (mask.Width, mask.Height));
        Assert.Contains("a: 90x70", result.Output);
    }
}
