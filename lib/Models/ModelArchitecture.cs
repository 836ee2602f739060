using System.Text.Json.Serialization;

namespace Segmentation.Models;

/// <summary>
/// Everything needed to build a catalogue network again: its <see cref="ModelCatalog"/> name and every constructor
/// argument. Checkpoints store it, so a checkpoint is rebuilt as exactly the network that was trained
/// (<see cref="ModelCatalog.ArchitectureOf"/> reads it off a model, <see cref="ModelCatalog.Create(ModelArchitecture)"/> builds it).
/// </summary>
/// <param name="Name">Catalogue name: <c>unet</c>, <c>unet-double</c> or <c>segnet</c>.</param>
/// <param name="InChannels">Channels of the input images (3 for RGB).</param>
/// <param name="Classes">Output channels (1 for a binary mask).</param>
/// <param name="Widths">Encoder widths, top level first; the depth is their count.</param>
/// <param name="Blocks">The block the network is built from (<see cref="BlockStyle.Double"/> only for <c>unet-double</c>).</param>
/// <param name="BatchNorm">Whether the blocks normalise over the batch; true unless built without (checkpoints written before
/// this argument existed read as true, which is what they were).</param>
public sealed record ModelArchitecture(string Name, long InChannels, long Classes, IReadOnlyList<long> Widths,
    [property: JsonConverter(typeof(JsonStringEnumConverter<BlockStyle>))] BlockStyle Blocks, bool BatchNorm = true)
{
    /// <summary>How many times the encoder halves the image: the number of <see cref="Widths"/>.</summary>
    [JsonIgnore]
    public int Depth => Widths.Count;

    /// <summary>Equal when every argument is equal (the widths compared element by element).</summary>
    public bool Equals(ModelArchitecture? other) =>
        other is not null && Name == other.Name && InChannels == other.InChannels && Classes == other.Classes
        && Widths.SequenceEqual(other.Widths) && Blocks == other.Blocks && BatchNorm == other.BatchNorm;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, InChannels, Classes, Widths.Count, Blocks, BatchNorm);

    /// <summary>One line, e.g. <c>unet-double: 3 -> 1 channels, widths 16, 32, 64, 128, Double blocks</c> (and <c>, no batch norm</c> when built without).</summary>
    public override string ToString() =>
        $"{Name}: {InChannels} -> {Classes} channels, widths {string.Join(", ", Widths)}, {Blocks} blocks{(BatchNorm ? "" : ", no batch norm")}";
}
