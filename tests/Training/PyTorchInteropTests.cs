using System.Text.Json;
using Segmentation.Models;
using Segmentation.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

/// <summary>
/// Exported weights in real PyTorch: loaded with torch.load or safetensors, names and shapes as in the kit, and the
/// networks of lib/Models/segmentation_models.py give the kit's outputs with them. Needs Python with torch; skipped without.
/// </summary>
public class PyTorchInteropTests(ITestOutputHelper output)
{
    const string Script = """
        import json, sys, torch
        sys.path.insert(0, sys.argv[1])
        import segmentation_models
        manifest = json.load(open(sys.argv[2]))
        results = []
        for case in manifest:
            if case["format"] == "pytorch":
                state = torch.load(case["weights"])
            else:
                from safetensors.torch import load_file
                state = load_file(case["weights"])
            model = segmentation_models.build(case["name"], case["in_channels"], case["classes"], case["widths"])
            model.load_state_dict(state, strict=True)
            model.eval()
            x = torch.from_file(case["input"], size=case["input_numel"], dtype=torch.float32).reshape(case["input_shape"])
            expected = torch.from_file(case["output"], size=case["output_numel"], dtype=torch.float32).reshape(case["output_shape"])
            with torch.no_grad():
                actual = model(x)
            results.append({
                "name": case["name"],
                "type": type(state).__name__,
                "state": [[k, list(v.shape), str(v.dtype)] for k, v in state.items()],
                "max_difference": (actual - expected).abs().max().item(),
            })
        print(json.dumps({"torch": torch.__version__, "results": results}))
        """;

    [PythonTorchFact]
    public void Torch_load_reads_the_pytorch_export_and_the_python_networks_give_the_kits_outputs() => Compare(WeightsFormat.PyTorch);

    [PythonTorchFact("safetensors")]
    public void Safetensors_reads_the_safetensors_export_and_the_python_networks_give_the_kits_outputs() => Compare(WeightsFormat.Safetensors);

    [PythonTorchFact]
    public void A_state_dict_saved_by_torch_save_loads_into_the_kits_network_with_pytorchs_outputs()
    {
        string folder = RepoPaths.NewTempFolder("from-pytorch");
        const string save = """
            import sys, torch
            sys.path.insert(0, sys.argv[1])
            import segmentation_models
            torch.manual_seed(5)
            model = segmentation_models.build("unet", 3, 1, [4, 8])
            model.train()
            model(torch.rand(2, 3, 16, 16))              # batch-norm statistics away from 0 and 1
            model.eval()
            x = torch.rand(1, 3, 16, 16)
            with torch.no_grad():
                y = model(x)
            torch.save(model.state_dict(), sys.argv[2] + "/from-python.pt")
            x.numpy().tofile(sys.argv[2] + "/input.f32")
            y.numpy().tofile(sys.argv[2] + "/output.f32")
            """;
        var run = PythonTorch.Run(PythonTorch.Path!, save, TimeSpan.FromMinutes(3), Path.Combine(RepoPaths.Root, "lib", "Models"), folder);
        Assert.True(run.ExitCode == 0, run.Error);

        using var model = ModelCatalog.Create("unet", widths: [4, 8]);
        WeightsExport.Load(Path.Combine(folder, "from-python.pt"), model);
        model.eval();
        using var input = tensor(Floats(Path.Combine(folder, "input.f32")), [1, 3, 16, 16]);
        using var expected = tensor(Floats(Path.Combine(folder, "output.f32")), [1, 1, 16, 16]);
        using var actual = model.call(input);

        Assert.Equal(1L, model.state_dict()["encoder.0.norm.num_batches_tracked"].item<long>());
        Assert.InRange(actual.sub(expected).abs().max().item<float>(), 0f, 1e-4f);
    }

    static float[] Floats(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    void Compare(WeightsFormat format)
    {
        string folder = RepoPaths.NewTempFolder("pytorch-" + format);
        var manifest = new List<object>();
        var expectedStates = new Dictionary<string, List<string>>();
        foreach (string name in ModelCatalog.Names)
        {
            Seeds.Set(31);
            using var model = ModelCatalog.Create(name, inChannels: 3, classes: 2, widths: [4, 8, 12]);
            using (var scope = NewDisposeScope())
            {
                using (no_grad())
                    foreach (var p in model.parameters())
                        p.add_(randn_like(p).mul_(0.1));
                model.train();
                model.call(rand(2, 3, 32, 32));   // batch-norm statistics away from 0 and 1
            }
            model.eval();
            string checkpoint = Path.Combine(folder, name + ".ckpt");
            Checkpoint.Save(checkpoint, model, new CheckpointInfo(name, null, null, 32, 1, 0.5, null, [], []));
            string weights = Path.Combine(folder, name + WeightsExport.Extension(format));
            var info = WeightsExport.Export(checkpoint, weights, format);

            using var input = rand(2, 3, 32, 32);
            using var logits = model.call(input);
            string inputPath = Path.Combine(folder, name + ".input.f32"), outputPath = Path.Combine(folder, name + ".output.f32");
            File.WriteAllBytes(inputPath, input.bytes.ToArray());
            File.WriteAllBytes(outputPath, logits.contiguous().bytes.ToArray());
            manifest.Add(new
            {
                name, format = format == WeightsFormat.PyTorch ? "pytorch" : "safetensors", weights,
                in_channels = info.Architecture!.InChannels, classes = info.Architecture.Classes, widths = info.Architecture.Widths,
                input = inputPath, input_shape = input.shape, input_numel = input.numel(),
                output = outputPath, output_shape = logits.shape, output_numel = logits.numel(),
            });
            expectedStates[name] = model.state_dict().Select(p => $"{p.Key} [{string.Join(", ", p.Value.shape)}] {(p.Value.dtype == ScalarType.Int64 ? "torch.int64" : "torch.float32")}").ToList();
        }
        string manifestPath = Path.Combine(folder, "manifest.json");
        File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest));

        var run = PythonTorch.Run(PythonTorch.Path!, Script, TimeSpan.FromMinutes(3), Path.Combine(RepoPaths.Root, "lib", "Models"), manifestPath);
        Assert.True(run.ExitCode == 0, run.Error);
        output.WriteLine(run.Output);
        using var report = JsonDocument.Parse(run.Output);
        foreach (var result in report.RootElement.GetProperty("results").EnumerateArray())
        {
            string name = result.GetProperty("name").GetString()!;
            var state = result.GetProperty("state").EnumerateArray()
                .Select(e => $"{e[0].GetString()} [{string.Join(", ", e[1].EnumerateArray().Select(d => d.GetInt64()))}] {e[2].GetString()}").ToList();
            Assert.Equal(expectedStates[name].Order(), state.Order());
            Assert.InRange(result.GetProperty("max_difference").GetDouble(), 0, 1e-4);
        }
        Assert.Equal(ModelCatalog.Names.Count, report.RootElement.GetProperty("results").GetArrayLength());
    }
}
