using System.Text;
using System.Text.Json;
using Segmentation.Models;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>One entry of a model's state dict: its name and shape.</summary>
/// <param name="Name">State-dict name, e.g. <c>encoder.0.conv.weight</c>.</param>
/// <param name="Shape">Tensor shape.</param>
public sealed record StateEntry(string Name, long[] Shape);

/// <summary>What a checkpoint file says about itself (everything except the weights).</summary>
/// <param name="Model">Model name, e.g. "unet" or "segnet".</param>
/// <param name="ModelOptions">Options needed to rebuild the model (e.g. widths), as text.</param>
/// <param name="ImageSize">Side of the square images the model was trained on.</param>
/// <param name="Epoch">Epochs completed when it was written.</param>
/// <param name="BestDice">Best validation Dice so far.</param>
/// <param name="Optimizer">Optimiser name ("adam", "sgd"), or null when no optimiser state is stored.</param>
/// <param name="History">Every completed epoch's results.</param>
/// <param name="State">Names and shapes of the stored weights, to refuse a checkpoint of another architecture before touching a model.</param>
public sealed record CheckpointInfo(string Model, IReadOnlyDictionary<string, string> ModelOptions, int ImageSize, int Epoch, double BestDice,
    string? Optimizer, IReadOnlyList<EpochResult> History, IReadOnlyList<StateEntry> State);

/// <summary>
/// Saves and loads training checkpoints: a small JSON header (<see cref="CheckpointInfo"/>), the model's state dict
/// (TorchSharp's format) and the optimiser's state, in one file. Writes go to a temporary file that replaces the
/// old one only when complete, so an interruption never leaves a half-written checkpoint.
/// </summary>
public static class Checkpoint
{
    static readonly byte[] Magic = "SEGKIT-CHECKPOINT-1\n"u8.ToArray();
    static readonly byte[] EndMarker = "\nEND-OF-CHECKPOINT"u8.ToArray();
    static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Writes <paramref name="model"/> (and <paramref name="optimizer"/>'s state, if given) to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, nn.Module model, CheckpointInfo info, IOptimizer? optimizer = null)
    {
        info = info with { State = StateOf(model), Optimizer = optimizer?.Name };
        WriteAtomically(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            byte[] header = JsonSerializer.SerializeToUtf8Bytes(info, Json);
            writer.Write(header.Length);
            writer.Write(header);
            model.save(writer);
            writer.Write(optimizer != null);
            optimizer?.SaveState(writer);
            writer.Write(EndMarker);
        });
    }

    /// <summary>Copies a saved checkpoint to <paramref name="destination"/> with the same all-or-nothing write as <see cref="Save"/>.</summary>
    internal static void Copy(string source, string destination) =>
        WriteAtomically(destination, stream =>
        {
            using var input = File.OpenRead(source);
            input.CopyTo(stream);
        });

    /// <summary>
    /// Writes to a temporary file next to <paramref name="path"/>, flushes it to disk, then renames it into place:
    /// an interrupted write never leaves a half-written checkpoint under the real name.
    /// </summary>
    static void WriteAtomically(string path, Action<Stream> write)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>Reads only the header of the checkpoint at <paramref name="path"/>.</summary>
    public static CheckpointInfo ReadInfo(string path) => Open(path).Info;

    /// <summary>
    /// Loads the checkpoint's weights into <paramref name="model"/> (and its optimiser state into <paramref name="optimizer"/>).
    /// Throws <see cref="CheckpointException"/> without changing the model when the file is truncated, is not a checkpoint,
    /// or holds another architecture.
    /// </summary>
    public static CheckpointInfo Load(string path, nn.Module model, IOptimizer? optimizer = null) =>
        LoadInto(path, Open(path), model, optimizer);

    static CheckpointInfo LoadInto(string path, (CheckpointInfo Info, byte[] Bytes, int WeightsOffset) opened, nn.Module model, IOptimizer? optimizer)
    {
        var (info, bytes, weightsOffset) = opened;
        CheckMatches(path, info, model);
        using var reader = new BinaryReader(new MemoryStream(bytes, weightsOffset, bytes.Length - weightsOffset), Encoding.UTF8);
        try
        {
            model.load(reader, strict: true);
            bool hasOptimizer = reader.ReadBoolean();
            if (optimizer != null && hasOptimizer && info.Optimizer == optimizer.Name)
                optimizer.LoadState(reader);
        }
        catch (Exception error) when (error is not CheckpointException)
        {
            throw new CheckpointException($"{path} could not be read ({error.Message}). It may be damaged: train again or use another checkpoint.", error);
        }
        return info;
    }

    /// <summary>
    /// Rebuilds the model a checkpoint was trained with (name and widths from its header, via <see cref="ModelCatalog"/>)
    /// and loads its weights: what `lesson evaluate` and `lesson predict` do.
    /// </summary>
    public static (nn.Module<Tensor, Tensor> Model, CheckpointInfo Info) LoadModel(string path)
    {
        var opened = Open(path);   // the file is read once, for the header and the weights
        var info = opened.Info;
        long[]? widths = info.ModelOptions.TryGetValue("widths", out var text) ? text.Split(',').Select(long.Parse).ToArray() : null;
        nn.Module<Tensor, Tensor> model;
        try
        {
            model = ModelCatalog.Create(info.Model, widths: widths);
        }
        catch (ArgumentException error)
        {
            throw new CheckpointException($"{path} holds a '{info.Model}' model, which this kit cannot build: {error.Message}", error);
        }
        LoadInto(path, opened, model, null);
        return (model, info);
    }

    /// <summary>The state-dict names and shapes of <paramref name="model"/>.</summary>
    public static IReadOnlyList<StateEntry> StateOf(nn.Module model) =>
        model.state_dict().Select(pair => new StateEntry(pair.Key, pair.Value.shape)).ToList();

    static (CheckpointInfo Info, byte[] Bytes, int WeightsOffset) Open(string path)
    {
        if (!File.Exists(path))
            throw new CheckpointException($"There is no checkpoint at {path}. Check the path, or train a model first (lesson train ... --out DIR).");
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new CheckpointException($"{path} is not a checkpoint written by this kit (it does not start with the checkpoint header). Pass a file written by Trainer or `lesson train`.");
        if (!bytes.AsSpan().EndsWith(EndMarker))
            throw new CheckpointException($"{path} is incomplete: it ends before the end-of-checkpoint marker (was it copied or written only in part?). Use an earlier checkpoint or train again.");
        try
        {
            int length = BitConverter.ToInt32(bytes, Magic.Length);
            int start = Magic.Length + sizeof(int);
            var info = JsonSerializer.Deserialize<CheckpointInfo>(bytes.AsSpan(start, length), Json)
                ?? throw new InvalidDataException("empty header");
            return (info, bytes, start + length);
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or ArgumentException)
        {
            throw new CheckpointException($"{path} has a damaged header ({error.Message}). Use an earlier checkpoint or train again.", error);
        }
    }

    static void CheckMatches(string path, CheckpointInfo info, nn.Module model)
    {
        var expected = StateOf(model);
        var stored = info.State.ToDictionary(e => e.Name, e => e.Shape);
        var missing = expected.Where(e => !stored.ContainsKey(e.Name)).Select(e => e.Name).ToList();
        var differing = expected.Where(e => stored.TryGetValue(e.Name, out var shape) && !shape.SequenceEqual(e.Shape))
            .Select(e => $"{e.Name} is [{string.Join(", ", stored[e.Name])}] in the file but [{string.Join(", ", e.Shape)}] in the model").ToList();
        var extra = info.State.Where(e => expected.All(x => x.Name != e.Name)).Select(e => e.Name).ToList();
        if (missing.Count == 0 && differing.Count == 0 && extra.Count == 0)
            return;
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add($"{missing.Count} weights missing (first: {missing[0]})");
        if (extra.Count > 0) problems.Add($"{extra.Count} unexpected weights (first: {extra[0]})");
        if (differing.Count > 0) problems.Add($"{differing.Count} of another shape (first: {differing[0]})");
        throw new CheckpointException(
            $"{path} holds a '{info.Model}' model that does not fit this {model.GetName()}: {string.Join("; ", problems)}. "
            + "Create the same architecture (model name and widths) the checkpoint was trained with. The model was not changed.");
    }
}
