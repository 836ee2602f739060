using System.IO.Compression;
using System.Text.Json;
using Segmentation.Models;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

/// <summary>`lesson export`'s library half: state dicts in PyTorch's and the safetensors format, and back.</summary>
public class WeightsExportTests
{
    /// <summary>A trained-looking double-conv U-Net in a checkpoint: weights and batch-norm statistics away from their defaults.</summary>
    internal static (nn.Module<Tensor, Tensor> Model, string Checkpoint) TrainedCheckpoint(string folder)
    {
        Seeds.Set(8);
        var model = ModelCatalog.Create("unet-double", classes: 2, widths: [4, 8]);
        using (var scope = NewDisposeScope())
        {
            using (no_grad())
                foreach (var p in model.parameters())
                    p.add_(randn_like(p).mul_(0.1));
            model.train();
            model.call(rand(2, 3, 32, 32));
        }
        model.eval();
        string path = Path.Combine(folder, "best.ckpt");
        Checkpoint.Save(path, model, new CheckpointInfo("unet-double", null, null, 32, 1, 0.5, null, [], []));
        return (model, path);
    }

    [Theory]
    [InlineData(WeightsFormat.PyTorch)]
    [InlineData(WeightsFormat.Safetensors)]
    public void An_exported_checkpoint_loads_back_into_the_same_network_with_identical_outputs(WeightsFormat format)
    {
        string folder = RepoPaths.NewTempFolder("export-" + format);
        var (model, checkpoint) = TrainedCheckpoint(folder);
        using var disposeModel = model;
        string file = Path.Combine(folder, "weights" + WeightsExport.Extension(format));

        var info = WeightsExport.Export(checkpoint, file, format);
        using var reloaded = ModelCatalog.Create(info.Architecture!);
        WeightsExport.Load(file, reloaded);

        foreach (var (name, tensor) in model.state_dict())
        {
            var other = reloaded.state_dict()[name];
            Assert.Equal(tensor.dtype, other.dtype);
            Assert.True(tensor.equal(other).all().item<bool>(), $"{name} differs after the round trip");
        }
        reloaded.eval();
        using var input = rand(1, 3, 32, 32);
        using var expected = model.call(input);
        using var actual = reloaded.call(input);
        Assert.True(expected.equal(actual).all().item<bool>());
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
    }

    [Fact]
    public void The_safetensors_table_lists_the_kits_names_shapes_and_types()
    {
        string folder = RepoPaths.NewTempFolder("export-table");
        var (model, checkpoint) = TrainedCheckpoint(folder);
        using var disposeModel = model;
        string file = Path.Combine(folder, "w.safetensors");
        WeightsExport.Export(checkpoint, file, WeightsFormat.Safetensors);

        // The format by hand: 8 bytes of header length, then a JSON table of name -> dtype, shape, byte offsets.
        byte[] bytes = File.ReadAllBytes(file);
        long headerLength = BitConverter.ToInt64(bytes, 0);
        using var table = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var entries = table.RootElement.EnumerateObject().Where(e => e.Name != "__metadata__").ToDictionary(e => e.Name, e => e.Value);

        var state = model.state_dict();
        Assert.Equal(state.Keys.Order(), entries.Keys.Order());
        foreach (var (name, tensor) in state)
        {
            Assert.Equal(tensor.shape, entries[name].GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
            Assert.Equal(tensor.dtype == ScalarType.Int64 ? "I64" : "F32", entries[name].GetProperty("dtype").GetString());
        }
        Assert.Equal(bytes.Length - 8 - headerLength, entries.Values.Max(e => e.GetProperty("data_offsets")[1].GetInt64()));
    }

    [Fact]
    public void The_pytorch_file_is_the_zip_layout_torch_save_writes_with_one_storage_per_tensor()
    {
        string folder = RepoPaths.NewTempFolder("export-zip");
        var (model, checkpoint) = TrainedCheckpoint(folder);
        using var disposeModel = model;
        string file = Path.Combine(folder, "w.pt");
        WeightsExport.Export(checkpoint, file, WeightsFormat.PyTorch);

        using var zip = ZipFile.OpenRead(file);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        string root = names[0].Split('/')[0];
        Assert.Contains($"{root}/data.pkl", names);
        Assert.Equal(model.state_dict().Count, names.Count(n => n.StartsWith($"{root}/data/", StringComparison.Ordinal)));
        // The pickle names every tensor of the state dict.
        using var pickle = new StreamReader(zip.GetEntry($"{root}/data.pkl")!.Open(), System.Text.Encoding.Latin1);
        string text = pickle.ReadToEnd();
        Assert.All(model.state_dict().Keys, name => Assert.Contains(name, text));
    }

    [Fact]
    public void Weights_of_another_network_are_refused_with_the_differences_and_the_model_is_untouched()
    {
        string folder = RepoPaths.NewTempFolder("export-mismatch");
        var (model, checkpoint) = TrainedCheckpoint(folder);
        model.Dispose();
        string file = Path.Combine(folder, "w.safetensors");
        WeightsExport.Export(checkpoint, file, WeightsFormat.Safetensors);

        using var lesson = new UNet(widths: [4, 8]);
        using var before = lesson.state_dict()["head.weight"].clone();
        var error = Assert.Throws<InvalidDataException>(() => WeightsExport.Load(file, lesson));

        Assert.Contains("w.safetensors", error.Message);
        Assert.Contains("weights missing (first: encoder.0.conv.weight)", error.Message);
        Assert.Contains("unexpected weights (first: encoder.0.conv1.weight)", error.Message);
        Assert.Contains("head.weight is [2, 4, 1, 1] in the file but [1, 12, 1, 1] in the model", error.Message);
        Assert.True(before.equal(lesson.state_dict()["head.weight"]).all().item<bool>());
    }

    [Fact]
    public void A_file_in_neither_format_is_named_and_explained()
    {
        string file = Path.Combine(RepoPaths.NewTempFolder("export-bogus"), "notes.pt");
        File.WriteAllText(file, "not weights");
        using var model = new UNet(widths: [4, 8]);
        var error = Assert.Throws<InvalidDataException>(() => WeightsExport.Load(file, model));
        Assert.Contains("notes.pt is neither a PyTorch state dict", error.Message);
        Assert.Contains("torch.save(model.state_dict(), path)", error.Message);
    }
}
