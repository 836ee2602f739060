using Segmentation.Data;
using Segmentation.Inference;
using Segmentation.Training;
using Segmentation.Visualisation;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson predict --checkpoint F --input IMAGE_OR_DIR --out DIR [--threshold 0.5]`: writes, for every image, its predicted
/// mask (NAME_mask.png, white = object) and an overlay (NAME_overlay.png), both at the image's own size.
/// </summary>
public static class PredictCommand
{
    static readonly string[] ImageExtensions = [".bmp", ".png", ".jpg", ".jpeg"];

    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: [], values: ["--checkpoint", "--input", "--out", "--threshold"]);
        string checkpointPath = options.ValueOrNull("--checkpoint") ?? throw new UsageException("--checkpoint FILE is required");
        string input = options.ValueOrNull("--input") ?? throw new UsageException("--input IMAGE_OR_FOLDER is required");
        string outFolder = options.ValueOrNull("--out") ?? throw new UsageException("--out FOLDER is required");
        double threshold = double.Parse(options.Value("--threshold", "0.5"), System.Globalization.CultureInfo.InvariantCulture);

        var images = File.Exists(input) ? [input]
            : Directory.Exists(input) ? Directory.EnumerateFiles(input).Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToList()
            : throw new UsageException($"{Path.GetFullPath(input)} is neither an image file nor a folder.");
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
