using System.Text.Json;
using Segmentation.Models;
using Segmentation.Native;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Models;

/// <summary>
/// The networks built without batch normalisation (notebook 02 trains a U-Net with and without it): no
/// normalisation layers, the same output, and checkpoints that remember the choice.
/// </summary>
public class BatchNormOptionTests
{
    public BatchNormOptionTests() => TorchRuntime.EnsureLoaded();

    public static TheoryData<string> CatalogueNames() => new(ModelCatalog.Names);

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void Without_batch_norm_a_network_has_no_normalisation_state_and_the_same_output_shape(string name)
    {
        using var withNorm = ModelCatalog.Create(name, widths: [4, 8]);
        using var without = ModelCatalog.Create(name, widths: [4, 8], batchNorm: false);

        var withKeys = withNorm.state_dict().Keys.ToList();
        var withoutKeys = without.state_dict().Keys.ToList();
        Assert.Contains(withKeys, key => key.Contains(".norm"));
        Assert.DoesNotContain(withoutKeys, key => key.Contains(".norm"));
        // Every convolution is still there: only the normalisation entries (and, in the double-conv blocks, the
        // biases the normalisation made useless) differ.
        Assert.Equal(withKeys.Count(k => k.EndsWith("conv.weight") || k.EndsWith("conv1.weight") || k.EndsWith("conv2.weight")),
                     withoutKeys.Count(k => k.EndsWith("conv.weight") || k.EndsWith("conv1.weight") || k.EndsWith("conv2.weight")));

        using var images = rand(2, 3, 16, 16);
        using var logits = without.call(images);
        Assert.Equal([2L, 1, 16, 16], logits.shape);
    }

    [Fact]
    public void Double_conv_blocks_keep_their_bias_when_there_is_no_normalisation_to_replace_it()
    {
        using var block = new DoubleConvBlock(3, 4, batchNorm: false);
        Assert.Equal(["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias"], block.state_dict().Keys);
        using var normalised = new DoubleConvBlock(3, 4);
        Assert.DoesNotContain("conv1.bias", normalised.state_dict().Keys);
    }

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void The_choice_is_a_constructor_argument_the_architecture_and_the_checkpoint_record(string name)
    {
        using var model = ModelCatalog.Create(name, widths: [4, 8], batchNorm: false);
        var architecture = ModelCatalog.ArchitectureOf(model)!;
        Assert.False(architecture.BatchNorm);
        Assert.EndsWith("no batch norm", architecture.ToString());
        Assert.NotEqual(architecture, architecture with { BatchNorm = true });

        string path = Path.Combine(RepoPaths.NewTempFolder("no-bn-" + name), "m.ckpt");
        Checkpoint.Save(path, model, new CheckpointInfo("ignored", null, null, 16, Epoch: 0, BestDice: 0, Optimizer: null, History: [], State: []));
        var (loaded, info) = Checkpoint.LoadModel(path);
        using var disposeLoaded = loaded;

        Assert.Equal(architecture, info.Architecture);
        Assert.Equal(model.state_dict().Keys, loaded.state_dict().Keys);
        using var images = rand(1, 3, 16, 16);
        model.eval();
        loaded.eval();
        using var expected = model.call(images);
        using var actual = loaded.call(images);
        Assert.True(expected.equal(actual).all().item<bool>(), "the reloaded network without batch norm gives different logits");
    }

    [Fact]
    public void An_architecture_written_before_the_option_existed_reads_as_normalised()
    {
        // A checkpoint header from before the option: no BatchNorm field. Those networks all had batch norm.
        var old = JsonSerializer.Deserialize<ModelArchitecture>("""{"Name":"unet","InChannels":3,"Classes":1,"Widths":[16,32,64,128],"Blocks":"Lesson"}""")!;
        Assert.True(old.BatchNorm);
        Assert.Equal(new ModelArchitecture("unet", 3, 1, [16, 32, 64, 128], BlockStyle.Lesson), old);
        using var rebuilt = ModelCatalog.Create(old);
        Assert.True(Assert.IsType<UNet>(rebuilt).BatchNorm);
    }
}
