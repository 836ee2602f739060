using Segmentation.Models;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

/// <summary>What a checkpoint records about the network, and that every catalogue network comes back exactly.</summary>
public class CheckpointFormatTests
{
    static string Fixture(string name) => Path.Combine(RepoPaths.Root, "tests", "Training", "Fixtures", name);

    static CheckpointInfo Blank(int imageSize) => new("ignored", null, null, imageSize, Epoch: 0, BestDice: 0, Optimizer: null, History: [], State: []);

    /// <summary>Moves every weight and the batch-norm statistics away from their initial values, as training would.</summary>
    static void Disturb(nn.Module<Tensor, Tensor> model, long inChannels)
    {
        using var scope = NewDisposeScope();
        using (no_grad())
            foreach (var p in model.parameters())
                p.add_(randn_like(p).mul_(0.1));
        model.train();
        model.call(rand(2, inChannels, 32, 32));   // one batch: running_mean, running_var and num_batches_tracked change
    }

    public static TheoryData<string> CatalogueNames() => [.. ModelCatalog.Names];

    [Theory]
    [MemberData(nameof(CatalogueNames))]
    public void Every_catalogue_network_with_non_default_arguments_comes_back_identical(string name)
    {
        Seeds.Set(4);
        using var model = ModelCatalog.Create(name, inChannels: 4, classes: 2, widths: [6, 10, 12]);
        Disturb(model, inChannels: 4);
        string path = Path.Combine(RepoPaths.NewTempFolder("arch-" + name), "m.ckpt");

        Checkpoint.Save(path, model, Blank(32));
        var (loaded, info) = Checkpoint.LoadModel(path);
        using var disposeLoaded = loaded;

        var expected = new ModelArchitecture(name, 4, 2, [6, 10, 12], name == "unet-double" ? BlockStyle.Double : BlockStyle.Lesson);
        Assert.Equal(expected, info.Architecture);
        Assert.Equal(name, info.Model);
        Assert.Equal(expected, ModelCatalog.ArchitectureOf(loaded));
        Assert.Equal(model.GetType(), loaded.GetType());
        var original = model.state_dict();
        var reloaded = loaded.state_dict();
        Assert.Equal(original.Keys, reloaded.Keys);
        foreach (var (key, tensor) in original)
            Assert.True(tensor.equal(reloaded[key]).all().item<bool>(), $"{key} differs after reloading");
        Assert.Equal(1L, reloaded.Single(p => p.Key.EndsWith("encoder.0.norm" + (name == "unet-double" ? "1" : "") + ".num_batches_tracked")).Value.item<long>());

        model.eval();
        loaded.eval();
        using var input = rand(2, 4, 32, 32);
        using var before = model.call(input);
        using var after = loaded.call(input);
        Assert.True(before.equal(after).all().item<bool>(), "the reloaded network predicts differently");
    }

    [Fact]
    public void A_notebooks_double_conv_unet_is_recorded_as_unet_double_and_LoadModel_rebuilds_it()
    {
        var (images, masks) = TinyData.Squares(4, 32, seed: 12);
        string path = Path.Combine(RepoPaths.NewTempFolder("unet-double"), "best.ckpt");
        Seeds.Set(6);
        using var model = new UNet(widths: [4, 8], blocks: BlockStyle.Double);   // as a notebook writes it, not through the catalogue
        using (var trainer = new Trainer(model, new TrainingOptions { Epochs = 1, BatchSize = 4, CheckpointPath = path },
            run: new RunMetadata("ph2", 3, "bce")))
            trainer.Fit(images, masks, images, masks);

        var (loaded, info) = Checkpoint.LoadModel(path);
        using var disposeLoaded = loaded;

        Assert.Equal("unet-double", info.Model);
        Assert.Equal(new ModelArchitecture("unet-double", 3, 1, [4, 8], BlockStyle.Double), info.Architecture);
        Assert.Equal(new RunMetadata("ph2", 3, "bce"), info.Run);
        model.eval();
        loaded.eval();
        using var expected = model.call(images);
        using var actual = loaded.call(images);
        Assert.True(expected.equal(actual).all().item<bool>());
    }

    [Fact]
    public void A_version_1_checkpoint_of_a_double_conv_unet_saved_as_unet_loads_as_what_it_holds()
    {
        // Written by the kit before checkpoints recorded the block style: its header says "unet", widths "2,4".
        string path = Fixture("v1-unet-double-saved-as-unet.ckpt");

        var (loaded, info) = Checkpoint.LoadModel(path);
        using var disposeLoaded = loaded;
        using var byHand = new UNet(widths: [2, 4], blocks: BlockStyle.Double);
        Checkpoint.Load(path, byHand);

        Assert.Equal(new ModelArchitecture("unet-double", 3, 1, [2, 4], BlockStyle.Double), info.Architecture);
        Assert.Equal("adam", info.Optimizer);
        Assert.Null(info.Run);
        byHand.eval();
        loaded.eval();
        using var input = rand(1, 3, 16, 16);
        using var expected = byHand.call(input);
        using var actual = loaded.call(input);
        Assert.True(expected.equal(actual).all().item<bool>());
    }

    [Fact]
    public void A_version_1_checkpoint_keeps_its_run_metadata_and_optimiser()
    {
        // Written by `lesson train` before run metadata had its own field: dataset, split_seed and loss sat among the model options.
        var info = Checkpoint.ReadInfo(Fixture("v1-segnet-mads.ckpt"));

        Assert.Equal(new RunMetadata("mads", 4, "dice"), info.Run);
        Assert.Equal(new ModelArchitecture("segnet", 3, 1, [2, 4], BlockStyle.Lesson), info.Architecture);
        Assert.Equal("sgd", info.Optimizer);
        Assert.Equal(16, info.ImageSize);
        Assert.Single(info.History);
    }

    [Fact]
    public void A_network_outside_the_catalogue_is_saved_and_LoadModel_explains_how_to_load_it()
    {
        using var model = new ConvAutoencoder(codeChannels: 2);
        string path = Path.Combine(RepoPaths.NewTempFolder("outside"), "ae.ckpt");
        Checkpoint.Save(path, model, Blank(16) with { Model = "convautoencoder" });

        var error = Assert.Throws<CheckpointException>(() => Checkpoint.LoadModel(path));

        Assert.Contains("'convautoencoder'", error.Message);
        Assert.Contains("Checkpoint.Load(path, model)", error.Message);
        Assert.Null(Checkpoint.ReadInfo(path).Architecture);
        using var again = new ConvAutoencoder(codeChannels: 2);
        Checkpoint.Load(path, again);   // the way the message gives works
        Assert.True(model.state_dict()["encoder.code.weight"].equal(again.state_dict()["encoder.code.weight"]).all().item<bool>());
    }

    [Fact]
    public void A_header_that_names_a_block_style_the_name_does_not_have_is_refused_with_the_right_name()
    {
        var architecture = new ModelArchitecture("unet", 3, 1, [4, 8], BlockStyle.Double);
        var error = Assert.Throws<ArgumentException>(() => ModelCatalog.Create(architecture));
        Assert.Contains("'unet-double'", error.Message);
    }

    [Fact]
    public void Nan_and_infinite_numbers_in_the_history_are_saved_and_read_back()
    {
        using var model = new SegNet(widths: [2, 4]);
        var history = new[]
        {
            new EpochResult(1, 0.7, 0.6, 0.5, 0.4, 1, 2),
            new EpochResult(2, double.PositiveInfinity, double.NaN, 0.1, 0.05, 1, 2),
        };
        string folder = RepoPaths.NewTempFolder("nan-header");
        string path = Path.Combine(folder, "m.ckpt");

        Checkpoint.Save(path, model, Blank(16) with { History = history, BestDice = double.NegativeInfinity });
        var info = Checkpoint.ReadInfo(path);
        TrainingHistory.Write(Path.Combine(folder, "history.json"), history);
        var fromJson = TrainingHistory.Read(Path.Combine(folder, "history.json"));

        Assert.Equal(double.NegativeInfinity, info.BestDice);
        Assert.True(double.IsNaN(info.History[1].ValidationLoss));
        Assert.Equal(double.PositiveInfinity, info.History[1].TrainLoss);
        Assert.Equal(history, fromJson);
        Assert.Contains("\"ValidationLoss\": \"NaN\"", File.ReadAllText(Path.Combine(folder, "history.json")));
    }
}
