using System.CommandLine;
using System.Text.Json;
using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Native;
using Segmentation.Samples;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson bench data [--size 256] [--runs 5] [--data DIR] [--json]`: how many PH2-size images per second the kit
/// decodes, resizes and turns into tensors, measured on the generated 200-case PH2 sample.
/// </summary>
public static class BenchDataCommand
{
    /// <summary>The original Python lesson's rate (skimage imread and resize of the 768x560 BMPs) on the project's machines.</summary>
    const double OriginalImagesPerSecond = 24;

    static readonly Option<int> Size = CliOptions.PositiveInt("--size", 256, "side of the tensors the images are resized to");
    static readonly Option<int> Runs = CliOptions.PositiveInt("--runs", 5, "timed passes over the images (the median is reported)");
    static readonly Option<string?> Data = CliOptions.Text("--data", "DIR", "the data folder that holds (or will hold) the generated PH2 sample (default: the kit's data/)");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the rates as one JSON line");

    /// <summary>`lesson bench data`.</summary>
    public static Command Create()
    {
        var command = new Command("data", "Images per second from PH2-size BMP files to tensors.") { Size, Runs, Data, Json };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        int size = parsed.GetValue(Size);
        int runs = parsed.GetValue(Runs);
        string dataFolder = parsed.GetValue(Data) ?? DataCommand.DefaultDataFolder();

        TorchRuntime.EnsureLoaded();
        var cases = Ph2Dataset.Load(Ph2Sample.EnsureDefault(dataFolder));
        var result = DataBenchmark.Run(cases, size, runs);
        double speedup = result.ImagesPerSecond / OriginalImagesPerSecond;
        if (parsed.GetValue(Json))
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                dataset = "ph2-sample",
                images = result.Images,
                size = result.Size,
                runs = result.Runs,
                threads = result.Threads,
                images_per_s = Math.Round(result.ImagesPerSecond, 1),
                pairs_per_s = Math.Round(result.PairsPerSecond, 1),
                cpu_ms_per_image = Math.Round(result.CpuMillisecondsPerImage, 2),
                original_images_per_s = OriginalImagesPerSecond,
                speedup = Math.Round(speedup, 1),
            }));
        else
            Console.WriteLine($"{result.Images} PH2-size BMPs to {size}x{size} tensors: {result.ImagesPerSecond:F0} images/s " +
                $"({speedup:F1}x the original lesson's {OriginalImagesPerSecond}), {result.PairsPerSecond:F0} image+mask pairs/s; " +
                $"median of {runs} runs on {result.Threads} cores, {result.CpuMillisecondsPerImage:F1} ms of processor time per image");
        return 0;
    }
}
