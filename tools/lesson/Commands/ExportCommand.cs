using System.CommandLine;
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
    static readonly Option<string> CheckpointFile = CliOptions.ExistingFile("--checkpoint", "checkpoint", EvaluateCommand.CheckpointHint,
        "the trained model (lesson train writes best.ckpt in its --out folder)");
    static readonly Option<string> Format = CliOptions.Choice("--format", WeightsExport.FormatNames, null, "format",
        "pytorch: a torch.save file (.pt); safetensors: a .safetensors file").MustBeGiven();
    static readonly Option<string?> Out = CliOptions.Text("--out", "FILE", "the file to write (default: next to the checkpoint, with the format's extension)");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print what was written as one JSON line");

    public static Command Create()
    {
        var command = new Command("export", "Write a checkpoint's weights as a state dict PyTorch loads (torch.load or safetensors).")
        {
            CheckpointFile, Format, Out, Json,
        };
        command.SetAction(Execute);
        return command;
    }

    static int Execute(ParseResult parsed)
    {
        string checkpointPath = parsed.GetValue(CheckpointFile)!;
        string formatName = parsed.GetValue(Format)!;
        var format = WeightsExport.ParseFormat(formatName);
        string output = Path.GetFullPath(parsed.GetValue(Out) ?? Path.ChangeExtension(checkpointPath, WeightsExport.Extension(format)));

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
        if (parsed.GetValue(Json))
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
