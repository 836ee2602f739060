using System.CommandLine.Parsing;
using System.CommandLine;
using Segmentation.Data;
using Segmentation.Inference;
using Segmentation.Loading;
using Segmentation.Training;
using Segmentation.Visualisation;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson predict --checkpoint F --input IMAGE_OR_DIR --out DIR [--threshold 0.5]`: writes, for every image, its predicted
/// mask (NAME_mask.png, white = object) and an overlay (NAME_overlay.png), both at the image's own size.
/// </summary>
public static class PredictCommand
{
    static readonly string[] ImageExtensions = [".bmp", ".png", ".jpg", ".jpeg"];

    static readonly Option<string> CheckpointFile = CliOptions.ExistingFile("--checkpoint", "checkpoint", EvaluateCommand.CheckpointHint,
        "the trained model (lesson train writes best.ckpt in its --out folder)");
    static readonly Option<string> Input = new("--input")
    {
        Description = "an image (BMP, PNG or JPEG) or a folder of them",
        HelpName = "IMAGE_OR_DIR",
        Required = true,
        Validators = { result => CheckInput(result, result.GetValueOrDefault<string>()) },
    };
    static readonly Option<string?> Out = CliOptions.Text("--out", "DIR", "folder for NAME_mask.png and NAME_overlay.png").MustBeGiven();
    static readonly Option<double> Threshold = CliOptions.Probability("--threshold", 0.5, "probability above which a pixel belongs to the object");

    public static Command Create()
    {
        var command = new Command("predict", "Write each image's predicted mask and an overlay, at the image's own size.") { CheckpointFile, Input, Out, Threshold };
        command.SetAction(Execute);
        return command;
    }

    static void CheckInput(OptionResult result, string? input)
    {
        if (input is not null && !File.Exists(input) && !Directory.Exists(input))
            result.AddError($"--input: {Path.GetFullPath(input)} is neither an image file nor a folder.");
    }

    static int Execute(ParseResult parsed)
    {
        string checkpointPath = parsed.GetValue(CheckpointFile)!;
        string input = parsed.GetValue(Input)!;
        string outFolder = parsed.GetValue(Out)!;
        double threshold = parsed.GetValue(Threshold);

        var images = File.Exists(input) ? [input]   // --input's check made sure it is a file or a folder
            : Directory.EnumerateFiles(input).Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToList();
        if (images.Count == 0)
            throw new UsageException($"{Path.GetFullPath(input)} holds no .bmp, .png or .jpg images.");

        var (model, info) = Checkpoint.LoadModel(checkpointPath);   // a bad checkpoint's message is printed by Cli
        using var disposeModel = model;
        var predictor = new MaskPredictor(model, info.ImageSize, threshold);

        Directory.CreateDirectory(outFolder);
        int failures = 0;
        foreach (string path in images)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            try
            {
                using var image = ImageFiles.Load<Rgb24>(path);
                using var mask = predictor.PredictMask(image);
                using var pixels = ImageTensors.FromImage(image);
                Picture.FromMask(mask).SaveAs(Path.Combine(outFolder, name + "_mask.png"));
                Picture.Overlay(pixels, mask).SaveAs(Path.Combine(outFolder, name + "_overlay.png"));
                var instances = ConnectedComponents.Label(mask);
                Console.WriteLine($"{name}: {image.Width}x{image.Height}, {MaskShare(mask):P1} of pixels predicted, {instances.Count} region(s)");
            }
            catch (Exception error) when (error is BadFileException or IOException or UnknownImageFormatException or ImageFormatException)
            {
                failures++;
                Console.Error.WriteLine($"{path}: {error.Message}");
            }
        }
        Console.WriteLine($"{images.Count - failures} mask(s) and overlay(s) written to {Path.GetFullPath(outFolder)}"
            + (failures > 0 ? $"; {failures} image(s) could not be read (see above)" : ""));
        return failures > 0 ? 1 : 0;
    }

    static double MaskShare(TorchSharp.torch.Tensor mask) => mask.mean().item<float>();
}
