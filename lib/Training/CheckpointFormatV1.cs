using Segmentation.Models;

namespace Segmentation.Training;

/// <summary>
/// Reads the header of checkpoints written by earlier versions of the kit ("SEGKIT-CHECKPOINT-1"). They recorded
/// the model's name and widths only, with the run's dataset, split seed and loss among the same options, and they
/// called a double-conv U-Net made with <c>new UNet(blocks: BlockStyle.Double)</c> "unet". The stored state-dict names
/// and shapes tell the rest (block style, input channels, classes), so such files still load as the network they hold.
/// </summary>
static class CheckpointFormatV1
{
    /// <summary>The version-1 header as it was written.</summary>
    internal sealed record Header(string Model, Dictionary<string, string>? ModelOptions, int ImageSize, int Epoch, double BestDice,
        string? Optimizer, List<EpochResult>? History, List<StateEntry>? State);

    /// <summary>The same facts in today's <see cref="CheckpointInfo"/>.</summary>
    public static CheckpointInfo ToInfo(Header header)
    {
        var options = header.ModelOptions ?? [];
        var state = header.State ?? [];
        var architecture = InferArchitecture(header.Model, options, state);
        int? splitSeed = options.TryGetValue("split_seed", out var seed) && int.TryParse(seed, out int parsed) ? parsed : null;
        var run = options.Keys.Any(k => k is "dataset" or "split_seed" or "loss")
            ? new RunMetadata(options.GetValueOrDefault("dataset"), splitSeed, options.GetValueOrDefault("loss"))
            : null;
        return new CheckpointInfo(architecture?.Name ?? header.Model, architecture, run, header.ImageSize, header.Epoch, header.BestDice,
            header.Optimizer, header.History ?? [], state);
    }

    static ModelArchitecture? InferArchitecture(string model, Dictionary<string, string> options, List<StateEntry> state)
    {
        if (model is not ("unet" or "unet-double" or "segnet"))
            return null;
        var shapes = state.ToDictionary(e => e.Name, e => e.Shape);
        // Double-conv blocks name their first convolution conv1; the lesson's blocks call it conv.
        bool doubleBlocks = shapes.ContainsKey("encoder.0.conv1.weight");
        var firstConv = shapes.GetValueOrDefault(doubleBlocks ? "encoder.0.conv1.weight" : "encoder.0.conv.weight");
        var head = shapes.GetValueOrDefault("head.weight");
        if (firstConv is not { Length: 4 } || head is not { Length: 4 })
            return null;
        long[] widths = options.TryGetValue("widths", out var text)
            ? text.Split(',').Select(long.Parse).ToArray()
            : [16, 32, 64, 128];
        string name = model == "segnet" ? "segnet" : doubleBlocks ? "unet-double" : "unet";
        return new ModelArchitecture(name, InChannels: firstConv[1], Classes: head[0], widths, doubleBlocks ? BlockStyle.Double : BlockStyle.Lesson);
    }
}
