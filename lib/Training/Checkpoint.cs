using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Segmentation.Models;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// Saves and loads training checkpoints: a small JSON header (<see cref="CheckpointInfo"/>), the model's state dict
/// (TorchSharp's format) and the optimiser's state, in one file. Writes go to a temporary file that replaces the
/// old one only when complete, so an interruption never leaves a half-written checkpoint.
/// The header names the network and every constructor argument (<see cref="ModelArchitecture"/>), so
/// <see cref="LoadModel"/> rebuilds exactly the network that was trained. Checkpoints of earlier kit versions still load.
/// </summary>
public static class Checkpoint
{
    static readonly byte[] Magic = "SEGKIT-CHECKPOINT-2\n"u8.ToArray();
    static readonly byte[] MagicV1 = "SEGKIT-CHECKPOINT-1\n"u8.ToArray();
    static readonly byte[] EndMarker = "\nEND-OF-CHECKPOINT"u8.ToArray();

    /// <summary>
    /// Header JSON. A diverged run can leave NaN or infinite numbers in its history: they are written as the strings
    /// "NaN", "Infinity" and "-Infinity" (plain JSON has no such numbers) and read back as the same values.
    /// </summary>
    internal static JsonSerializerOptions Json { get; } = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Writes <paramref name="model"/> (and <paramref name="optimizer"/>'s state, if given) to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, nn.Module model, CheckpointInfo info, IOptimizer? optimizer = null)
    {
        // The model itself says what it is: its architecture, weights' names and shapes, and which optimiser state follows.
        var architecture = ModelCatalog.ArchitectureOf(model);
        info = info with { Model = architecture?.Name ?? info.Model, Architecture = architecture, State = StateOf(model), Optimizer = optimizer?.Name };
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
    internal static void WriteAtomically(string path, Action<Stream> write)
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
    /// holds another architecture, or, when <paramref name="optimizer"/> is given, holds no state for that optimiser
    /// (another optimiser's state cannot continue the run exactly as it would have gone).
    /// </summary>
    public static CheckpointInfo Load(string path, nn.Module model, IOptimizer? optimizer = null) =>
        LoadInto(path, Open(path), model, optimizer);

    static CheckpointInfo LoadInto(string path, (CheckpointInfo Info, byte[] Bytes, int WeightsOffset) opened, nn.Module model, IOptimizer? optimizer)
    {
        var (info, bytes, weightsOffset) = opened;
        CheckMatches(path, info, model);
        if (optimizer != null)
            CheckOptimizer(path, info, optimizer);
        using var reader = new BinaryReader(new MemoryStream(bytes, weightsOffset, bytes.Length - weightsOffset), Encoding.UTF8);
        try
        {
            model.load(reader, strict: true);
            bool hasOptimizer = reader.ReadBoolean();
            if (optimizer != null && hasOptimizer)
                optimizer.LoadState(reader);
        }
        catch (Exception error) when (error is not CheckpointException)
        {
            throw new CheckpointException($"{path} could not be read ({error.Message}). It may be damaged: train again or use another checkpoint.", error);
        }
        return info;
    }

    /// <summary>
    /// Rebuilds the network a checkpoint was trained with (its <see cref="CheckpointInfo.Architecture"/>, via
    /// <see cref="ModelCatalog"/>) and loads its weights: what `lesson evaluate`, `lesson predict` and `lesson export` do.
    /// </summary>
    /// <exception cref="CheckpointException">The file is not a usable checkpoint, or holds a network the catalogue does not build.</exception>
    public static (nn.Module<Tensor, Tensor> Model, CheckpointInfo Info) LoadModel(string path)
    {
        var opened = Open(path);   // the file is read once, for the header and the weights
        var info = opened.Info;
        if (info.Architecture is null)
            throw new CheckpointException(
                $"{path} holds a '{info.Model}' network, which the model catalogue does not build ({string.Join(", ", ModelCatalog.Names)}). "
                + "Create the same network in code and load the weights into it with Checkpoint.Load(path, model).");
        nn.Module<Tensor, Tensor> model;
        try
        {
            model = ModelCatalog.Create(info.Architecture);
        }
        catch (ArgumentException error)
        {
            throw new CheckpointException($"{path} describes a network this kit cannot build ({info.Architecture}): {error.Message}", error);
        }
        try
        {
            LoadInto(path, opened, model, null);
        }
        catch
        {
            model.Dispose();
            throw;
        }
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
        bool current = bytes.AsSpan().StartsWith(Magic);
        if (!current && !bytes.AsSpan().StartsWith(MagicV1))
            throw new CheckpointException($"{path} is not a checkpoint written by this kit (it does not start with the checkpoint header). Pass a file written by Trainer or `lesson train`.");
        if (!bytes.AsSpan().EndsWith(EndMarker))
            throw new CheckpointException($"{path} is incomplete: it ends before the end-of-checkpoint marker (was it copied or written only in part?). Use an earlier checkpoint or train again.");
        try
        {
            int length = BitConverter.ToInt32(bytes, Magic.Length);
            int start = Magic.Length + sizeof(int);
            var header = bytes.AsSpan(start, length);
            var info = current
                ? JsonSerializer.Deserialize<CheckpointInfo>(header, Json)
                : CheckpointFormatV1.ToInfo(JsonSerializer.Deserialize<CheckpointFormatV1.Header>(header, Json) ?? throw new InvalidDataException("empty header"));
            if (info is null || info.State is null || info.History is null)
                throw new InvalidDataException("the header lacks the model's state or history");
            return (info, bytes, start + length);
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or ArgumentException or FormatException or OverflowException)
        {
            throw new CheckpointException($"{path} has a damaged header ({error.Message}). Use an earlier checkpoint or train again.", error);
        }
    }

    /// <summary>Resuming continues a run exactly only with the optimiser state it was trained with.</summary>
    static void CheckOptimizer(string path, CheckpointInfo info, IOptimizer optimizer)
    {
        if (info.Optimizer is null)
            throw new CheckpointException(
                $"{path} holds no optimiser state, so training cannot continue from it as the run would have gone. "
                + "To start a new run from its weights, load them with Checkpoint.Load(path, model) and train with a new Trainer. The model was not changed.");
        if (info.Optimizer != optimizer.Name)
            throw new CheckpointException(
                $"{path} was trained with the {info.Optimizer} optimiser, but this run uses {optimizer.Name}: its {info.Optimizer} state would be "
                + $"thrown away and the run would not continue as it would have gone. Resume with the same optimiser ({OptimizerOption(info.Optimizer)}), "
                + "or start a new run in another folder. The model was not changed.");
    }

    static string OptimizerOption(string name) => name switch
    {
        "adam" => "TrainingOptions.Optimizer = OptimizerKind.Adam",
        "sgd" => "TrainingOptions.Optimizer = OptimizerKind.Sgd",
        _ => $"'{name}'",
    };

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
            + $"Create the same architecture the checkpoint was trained with{(info.Architecture is null ? "" : $" ({info.Architecture})")}, "
            + "or rebuild it with Checkpoint.LoadModel(path). The model was not changed.");
    }
}
