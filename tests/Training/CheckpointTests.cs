using Segmentation.Models;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

public class CheckpointTests
{
    static TrainingOptions Options(string checkpoint, int epochs) =>
        new() { Epochs = epochs, BatchSize = 4, Seed = 3, CheckpointPath = checkpoint };

    [Fact]
    public void Resuming_continues_the_same_run_as_if_never_interrupted()
    {
        var (images, masks) = TinyData.Squares(12, 32, seed: 1);
        var (valImages, valMasks) = TinyData.Squares(4, 32, seed: 2);
        string folder = RepoPaths.NewTempFolder("resume");

        Seeds.Set(11);
        using var straightModel = new UNet();
        using var straight = new Trainer(straightModel, Options(Path.Combine(folder, "straight.ckpt"), 4));
        var uninterrupted = straight.Fit(images, masks, valImages, valMasks);

        Seeds.Set(11);
        using (var firstModel = new UNet())
        using (var first = new Trainer(firstModel, Options(Path.Combine(folder, "split.ckpt"), 2)))
            first.Fit(images, masks, valImages, valMasks);

        Seeds.Set(999);  // a fresh process would start from other random weights: resume must replace them all
        using var resumedModel = new UNet();
        using var resumed = new Trainer(resumedModel, Options(Path.Combine(folder, "split.ckpt"), 4));
        var info = resumed.Resume(Trainer.LastPathFor(Path.Combine(folder, "split.ckpt")));
        Assert.Equal(2, info.Epoch);
        var continued = resumed.Fit(images, masks, valImages, valMasks);

        Assert.Equal(new[] { 1, 2, 3, 4 }, continued.Select(e => e.Epoch));
        for (int i = 0; i < 4; i++)
            Assert.Equal(uninterrupted[i].TrainLoss, continued[i].TrainLoss, 4);
        Assert.Equal(uninterrupted[^1].ValidationDice, continued[^1].ValidationDice, 4);
    }

    [Fact]
    public void Best_checkpoint_reloads_with_identical_predictions_and_leaves_no_partial_files()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 4);
        string folder = RepoPaths.NewTempFolder("best");
        string path = Path.Combine(folder, "best.ckpt");
        Seeds.Set(2);
        using var model = new UNet();
        using var trainer = new Trainer(model, Options(path, 3));
        trainer.Fit(images, masks, images, masks);

        var info = Checkpoint.ReadInfo(path);
        Assert.Equal("unet", info.Model);
        Assert.Equal(32, info.ImageSize);
        Assert.Equal(trainer.History.Max(h => h.ValidationDice), info.BestDice, 10);
        Assert.Equal(new[] { "best.ckpt", "best.last.ckpt" }, Directory.GetFiles(folder).Select(Path.GetFileName).Order());

        using var reloaded = new UNet();
        Checkpoint.Load(Trainer.LastPathFor(path), reloaded);
        model.eval();
        reloaded.eval();
        using var expected = model.call(images);
        using var actual = reloaded.call(images);
        Assert.True(expected.equal(actual).all().item<bool>(), "reloaded model predicts differently");
    }

    [Fact]
    public void Truncated_checkpoint_is_refused_with_advice_and_the_model_is_untouched()
    {
        var (images, masks) = TinyData.Squares(4, 32, seed: 5);
        string folder = RepoPaths.NewTempFolder("truncated");
        string path = Path.Combine(folder, "m.ckpt");
        using (var trained = new UNet())
        using (var trainer = new Trainer(trained, Options(path, 1)))
            trainer.Fit(images, masks, images, masks);
        byte[] whole = File.ReadAllBytes(path);
        string truncated = Path.Combine(folder, "cut.ckpt");
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);

        using var model = new UNet();
        using var before = model.state_dict()["head.weight"].clone();
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(truncated, model));
        Assert.Contains("cut.ckpt", error.Message);
        Assert.Contains("incomplete", error.Message);
        Assert.True(before.equal(model.state_dict()["head.weight"]).all().item<bool>());
    }

    [Fact]
    public void Checkpoint_of_another_architecture_is_refused_and_the_model_is_untouched()
    {
        var (images, masks) = TinyData.Squares(4, 32, seed: 6);
        string path = Path.Combine(RepoPaths.NewTempFolder("other"), "wide.ckpt");
        using (var wide = new UNet(widths: [8, 16, 32, 64]))
        using (var trainer = new Trainer(wide, Options(path, 1)))
            trainer.Fit(images, masks, images, masks);

        using var model = new UNet();
        using var before = model.state_dict()["encoder.0.conv.weight"].clone();
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path, model));
        Assert.Contains("does not fit", error.Message);
        Assert.Contains("encoder.0.conv.weight", error.Message);
        Assert.True(before.equal(model.state_dict()["encoder.0.conv.weight"]).all().item<bool>());
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_gets_a_clear_error()
    {
        string path = Path.Combine(RepoPaths.NewTempFolder("bogus"), "notes.ckpt");
        File.WriteAllText(path, "these are my notes, not weights");
        using var model = new UNet();
        var error = Assert.Throws<CheckpointException>(() => Checkpoint.Load(path, model));
        Assert.Contains("is not a checkpoint", error.Message);
    }
}
