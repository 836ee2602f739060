using System.Collections;
using Segmentation.Models;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>File formats other deep-learning tools read a model's weights from.</summary>
public enum WeightsFormat
{
    /// <summary>PyTorch's own format (a zip file, what <c>torch.save(model.state_dict(), f)</c> writes); read with <c>torch.load</c>.</summary>
    PyTorch,

    /// <summary>The safetensors format (a JSON table then raw numbers, no code inside); read with <c>safetensors.torch.load_file</c>.</summary>
    Safetensors,
}

/// <summary>
/// Moves a model's weights (its state dict: the names and tensors of <c>model.state_dict()</c>) between the kit and
/// PyTorch: `lesson export` writes a checkpoint's weights as a PyTorch or safetensors file, and <see cref="Load"/> reads
/// such a file into a kit network. The names are the kit's own, e.g. <c>encoder.0.conv.weight</c>; <c>lib/Models/README.md</c>
/// lists them per network so a Python user can build the same network. Files are written and read by TorchSharp.PyBridge.
/// </summary>
public static class WeightsExport
{
    /// <summary>The names <see cref="ParseFormat"/> accepts, as on the command line.</summary>
    public static IReadOnlyList<string> FormatNames { get; } = ["pytorch", "safetensors"];

    /// <summary>The format called <paramref name="name"/>: <c>pytorch</c> or <c>safetensors</c> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Another name.</exception>
    public static WeightsFormat ParseFormat(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "pytorch" => WeightsFormat.PyTorch,
        "safetensors" => WeightsFormat.Safetensors,
        _ => throw new ArgumentException($"There is no weights format called '{name}'. Choose one of: {string.Join(", ", FormatNames)}.", nameof(name)),
    };

    /// <summary>The usual file extension of <paramref name="format"/>: <c>.pt</c> or <c>.safetensors</c>.</summary>
    public static string Extension(WeightsFormat format) => format == WeightsFormat.PyTorch ? ".pt" : ".safetensors";

    /// <summary>
    /// Writes the weights of the checkpoint at <paramref name="checkpointPath"/> to <paramref name="outputPath"/> in
    /// <paramref name="format"/> (replacing the file only once it is complete): what `lesson export` does.
    /// Returns what the checkpoint says about itself, including the architecture needed to rebuild the network.
    /// </summary>
    /// <exception cref="CheckpointException">The checkpoint cannot be read or holds a network the catalogue does not build.</exception>
    public static CheckpointInfo Export(string checkpointPath, string outputPath, WeightsFormat format)
    {
        var (model, info) = Checkpoint.LoadModel(checkpointPath);
        using (model)
            Save(model, outputPath, format);
        return info;
    }

    /// <summary>Writes <paramref name="model"/>'s state dict to <paramref name="path"/> in <paramref name="format"/>, all or nothing.</summary>
    public static void Save(nn.Module model, string path, WeightsFormat format)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        // On the CPU and contiguous: both formats store plain little-endian numbers in row-major order.
        var state = model.state_dict().ToDictionary(pair => pair.Key, pair => pair.Value.detach().cpu().contiguous());
        Checkpoint.WriteAtomically(path, stream =>
        {
            if (format == WeightsFormat.PyTorch)
                PyTorchPickler.PickleStateDict(stream, state, leaveOpen: true);
            else
                Safetensors.SaveStateDict(stream, state, leaveOpen: true);
        });
    }

    /// <summary>
    /// Loads a state dict written by <see cref="Save"/>, by PyTorch's <c>torch.save(model.state_dict(), f)</c> or by
    /// safetensors into <paramref name="model"/>; the format is recognised from the file's first bytes. Every name and
    /// shape must match the model's; otherwise nothing is changed and the message lists the differences.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is neither format, or does not fit the model; the message names the file.</exception>
    public static void Load(string path, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var loaded = Read(path);
        var expected = model.state_dict();
        var problems = new List<string>();
        var missing = expected.Keys.Where(name => !loaded.ContainsKey(name)).ToList();
        var extra = loaded.Keys.Where(name => !expected.ContainsKey(name)).ToList();
        var differing = expected.Where(pair => loaded.TryGetValue(pair.Key, out var tensor) && !tensor.shape.SequenceEqual(pair.Value.shape))
            .Select(pair => $"{pair.Key} is {TensorShapes.Describe(loaded[pair.Key])} in the file but {TensorShapes.Describe(pair.Value)} in the model")
            .ToList();
        if (missing.Count > 0) problems.Add($"{missing.Count} weights missing (first: {missing[0]})");
        if (extra.Count > 0) problems.Add($"{extra.Count} unexpected weights (first: {extra[0]})");
        if (differing.Count > 0) problems.Add($"{differing.Count} of another shape (first: {differing[0]})");
        if (problems.Count > 0)
            throw new InvalidDataException(
                $"{path} holds weights that do not fit this {model.GetName()}: {string.Join("; ", problems)}. "
                + "Build the same network the weights came from (the names per network are listed in lib/Models/README.md). The model was not changed.");

        // Same numbers in the model's own type and device (a Python user may have saved float64 or from a GPU).
        var converted = loaded.ToDictionary(pair => pair.Key, pair => pair.Value.to(expected[pair.Key].dtype, expected[pair.Key].device));
        using (no_grad())
            model.load_state_dict(converted, strict: true);
    }

    /// <summary>The state dict stored in <paramref name="path"/>, whichever of the two formats it is in.</summary>
    static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"There is no weights file at {path}. Check the path (lesson export writes one).", path);
        using var stream = File.OpenRead(path);
        var format = Detect(stream) ?? throw new InvalidDataException(
            $"{path} is neither a PyTorch state dict (torch.save writes a zip file) nor a safetensors file. "
            + "Save the weights with torch.save(model.state_dict(), path) or safetensors.torch.save_file, or export them with `lesson export`.");
        try
        {
            if (format == WeightsFormat.Safetensors)
                return Safetensors.LoadStateDict(stream, leaveOpen: true);
            var table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
            return table.Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (Tensor)entry.Value!);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"{path} looks like a {format} file but could not be read as a state dict ({error.Message}). "
                + "It may be damaged, or hold a whole model instead of its state dict: save model.state_dict() instead.", error);
        }
    }

    /// <summary>Recognises the format from the first bytes: "PK" starts a zip (PyTorch), a small length then "{" starts safetensors.</summary>
    static WeightsFormat? Detect(Stream stream)
    {
        Span<byte> start = stackalloc byte[9];
        int read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read >= 4 && start[0] == (byte)'P' && start[1] == (byte)'K' && start[2] == 3 && start[3] == 4)
            return WeightsFormat.PyTorch;
        if (read == 9 && start[8] == (byte)'{' && BitConverter.ToUInt64(start[..8]) < (ulong)stream.Length)
            return WeightsFormat.Safetensors;
        return null;
    }
}
