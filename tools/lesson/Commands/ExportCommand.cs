using System.Text.Json;
using Segmentation.Training;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson export --checkpoint F --format pytorch|safetensors [--out FILE] [--json]`: writes a checkpoint's weights as a
/// state dict that PyTorch reads (<c>torch.load</c>, or safetensors), with the kit's names and shapes. The work is
/// <see cref="WeightsExport.Export"/>; this only reads the options and reports.
/// </summary>
public static class ExportCommand
{
    public static int Execute(string[] args)
    {
        var options = CommandOptions.Parse(args, flags: ["--json"], values: ["--checkpoint", "--format", "--out"]);
        string checkpointPath = options.ValueOrNull("--checkpoint")
            ?? throw new UsageException("--checkpoint FILE is required (lesson train writes best.ckpt in its --out folder)");
        string formatName = options.ValueOrNull("--format")
            ?? throw new UsageException($"--format is required: {string.Join(" or ", WeightsExport.FormatNames)}");
        if (!WeightsExport.FormatNames.Contains(formatName))
            throw new UsageException($"unknown format '{formatName}'. Available: {string.Join(", ", WeightsExport.FormatNames)}.");
        var format = WeightsExport.ParseFormat(formatName);
        string output = Path.GetFullPath(options.Value("--out", Path.ChangeExtension(checkpointPath, WeightsExport.Extension(format))));

        CheckpointInfo info;
        try
        {
            info = WeightsExport.Export(checkpointPath, output, format);   // a bad checkpoint's message is printed by Cli
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not write {output}: {error.Message} Choose another --out path.");
            return 1;
        }
        var architecture = info.Architecture!;   // Export refuses checkpoints without one
        if (options.Has("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                output,
                format = formatName,
                model = architecture.Name,
                in_channels = architecture.InChannels,
                classes = architecture.Classes,
                widths = architecture.Widths,
                blocks = architecture.Blocks.ToString().ToLowerInvariant(),
                image_size = info.ImageSize,
                tensors = info.State.Count,
            }));
        }
        else
        {
            Console.WriteLine($"{output}: {info.State.Count} tensors of {architecture}, trained at {info.ImageSize}x{info.ImageSize}");
            Console.WriteLine(format == WeightsFormat.PyTorch
                ? $"Python: state = torch.load(\"{Path.GetFileName(output)}\"); model.load_state_dict(state)"
                : $"Python: state = safetensors.torch.load_file(\"{Path.GetFileName(output)}\"); model.load_state_dict(state)");
        }
        return 0;
    }
}
