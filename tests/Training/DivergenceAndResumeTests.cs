using Segmentation.Losses;
using Segmentation.Models;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

/// <summary>Runs that go wrong, and resumes that could silently change the run: stopped with a clear message, checkpoints intact.</summary>
public class DivergenceAndResumeTests
{
    [Fact]
    public void A_nan_validation_loss_stops_the_run_keeps_the_best_checkpoint_and_is_in_the_history()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 21);
        string folder = RepoPaths.NewTempFolder("nan-validation");
        string path = Path.Combine(folder, "best.ckpt");
        Seeds.Set(1);
        using var model = new UNet(widths: [4, 8]);
        bool poisoned = false;
        // Finite while training; NaN when validating once the first epoch is over (e.g. a loss that divides by an empty mask).
        SegmentationLoss loss = (logits, y) =>
        {
            var bce = BinaryLosses.BceWithLogits(logits, y);
            return poisoned && !model.training ? bce.mul(tensor(float.NaN)) : bce;
        };
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 3, BatchSize = 4, CheckpointPath = path, Loss = loss });

        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(images, masks, images, masks, onEpoch: _ => poisoned = true));

        Assert.Contains("validation loss became NaN after epoch 2", error.Message);
        Assert.Contains("epoch 1", error.Message);   // where the best model is
        Assert.Equal(1, Checkpoint.ReadInfo(path).Epoch);
        Assert.Equal(1, Checkpoint.ReadInfo(Trainer.LastPathFor(path)).Epoch);
        Assert.Equal(2, trainer.History.Count);
        Assert.True(double.IsNaN(trainer.History[1].ValidationLoss));
        string historyPath = Path.Combine(folder, "history.json");
        TrainingHistory.Write(historyPath, trainer.History);   // what `lesson train` does after a divergence
        Assert.True(double.IsNaN(TrainingHistory.Read(historyPath)[1].ValidationLoss));
    }

    [Theory]
    [InlineData(4, "A weight became NaN or infinite in the last step of epoch 1 (step 1)")]
    [InlineData(8, "The training loss became NaN at epoch 1, step 2 (if the images are fine, the step before left a weight NaN or infinite)")]
    public void A_step_that_makes_a_weight_infinite_stops_the_run_before_validation_or_saving(int images, string expected)
    {
        var (trainImages, trainMasks) = TinyData.Squares(images, 32, seed: 22);
        string path = Path.Combine(RepoPaths.NewTempFolder("spoiled-step"), "best.ckpt");
        Seeds.Set(1);
        using var model = new UNet(widths: [4, 8]);
        // A finite loss whose step is far too large: the weights overflow float32 in the update itself.
        using var trainer = new Trainer(model, new TrainingOptions
        {
            Epochs = 1, BatchSize = 4, Optimizer = OptimizerKind.Sgd, LearningRate = 1e37, CheckpointPath = path,
            Loss = (logits, y) => BinaryLosses.BceWithLogits(logits, y).mul(1e6),
        });

        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(trainImages, trainMasks, trainImages, trainMasks));

        Assert.Contains(expected, error.Message);
        Assert.Contains("Lower the learning rate", error.Message);
        Assert.Empty(trainer.History);   // not validated
        Assert.False(File.Exists(path), "a spoiled model was saved");
    }

    [Fact]
    public void Resuming_with_another_optimiser_is_refused_and_the_model_is_untouched()
    {
        var (images, masks) = TinyData.Squares(4, 32, seed: 23);
        string path = Path.Combine(RepoPaths.NewTempFolder("resume-optimiser"), "best.ckpt");
        using (var adamModel = new UNet(widths: [4, 8]))
        using (var adam = new Trainer(adamModel, new TrainingOptions { Epochs = 1, BatchSize = 4, CheckpointPath = path }))
            adam.Fit(images, masks, images, masks);

        using var model = new UNet(widths: [4, 8]);
        using var before = model.state_dict()["head.weight"].clone();
        using var sgd = new Trainer(model, new TrainingOptions { Epochs = 2, BatchSize = 4, Optimizer = OptimizerKind.Sgd, CheckpointPath = path });
        var error = Assert.Throws<CheckpointException>(() => sgd.Resume(Trainer.LastPathFor(path)));

        Assert.Contains("trained with the adam optimiser, but this run uses sgd", error.Message);
        Assert.Contains("OptimizerKind.Adam", error.Message);
        Assert.True(before.equal(model.state_dict()["head.weight"]).all().item<bool>(), "the refused resume changed the weights");
        Assert.Empty(sgd.History);
    }

    [Fact]
    public void Resuming_from_a_checkpoint_without_optimiser_state_is_refused()
    {
        using var saved = new UNet(widths: [4, 8]);
        string path = Path.Combine(RepoPaths.NewTempFolder("no-optimiser"), "weights.ckpt");
        Checkpoint.Save(path, saved, new CheckpointInfo("unet", null, null, 32, 1, 0.5, null, [], []));

        using var model = new UNet(widths: [4, 8]);
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 2 });
        var error = Assert.Throws<CheckpointException>(() => trainer.Resume(path));

        Assert.Contains("holds no optimiser state", error.Message);
        Checkpoint.Load(path, model);   // the weights alone still load, as the message says
    }
}
