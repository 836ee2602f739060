using Segmentation.Models;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void Nan_loss_stops_training_before_the_weights_change_and_keeps_the_best_checkpoint()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 7);
        string path = Path.Combine(RepoPaths.NewTempFolder("nan"), "best.ckpt");
        Seeds.Set(1);
        using var model = new UNet();
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 1, BatchSize = 4, CheckpointPath = path });
        trainer.Fit(images, masks, images, masks);
        byte[] goodCheckpoint = File.ReadAllBytes(path);

        using var poisoned = images.clone();
        poisoned[0, 0, 0, 0] = tensor(float.NaN);
        using var before = model.state_dict()["head.weight"].clone();
        using var longer = new Trainer(model, new TrainingOptions { Epochs = 2, BatchSize = 8, CheckpointPath = path });
        var error = Assert.Throws<TrainingDivergedException>(() => longer.Fit(poisoned, masks, images, masks));

        Assert.Contains("NaN", error.Message);
        Assert.Contains("learning rate", error.Message);
        Assert.True(before.equal(model.state_dict()["head.weight"]).all().item<bool>(), "a NaN step changed the weights");
        Assert.Equal(goodCheckpoint, File.ReadAllBytes(path));
    }

    [Fact]
    public void Early_stopping_ends_the_run_when_validation_stops_improving()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 8);
        using var emptyMasks = zeros_like(masks);   // nothing to learn on validation: Dice cannot keep improving
        Seeds.Set(1);
        using var model = new UNet();
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 30, BatchSize = 4, EarlyStoppingPatience = 2, LearningRate = 1e-4 });
        var history = trainer.Fit(images, masks, images, emptyMasks);
        Assert.True(trainer.StoppedEarly);
        Assert.True(history.Count < 30);
        int best = history.MaxBy(h => h.ValidationDice)!.Epoch;
        Assert.Equal(best + 2, history[^1].Epoch);
    }

    [Fact]
    public void Cosine_schedule_lowers_the_rate_from_start_to_floor()
    {
        var schedule = LearningRateSchedule.Cosine(floorFraction: 0.1);
        Assert.Equal(1e-3, schedule.At(1, 5, 1e-3), 12);
        Assert.Equal(0.55e-3, schedule.At(3, 5, 1e-3), 12);   // halfway: mean of start and floor
        Assert.Equal(1e-4, schedule.At(5, 5, 1e-3), 12);
        Assert.Equal(1e-4, LearningRateSchedule.StepDecay(2, 0.1).At(3, 5, 1e-3), 12);
    }

    [Fact]
    public void Sgd_also_trains_the_network()
    {
        var (images, masks) = TinyData.Squares(12, 32, seed: 9);
        Seeds.Set(1);
        using var model = new UNet();
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 6, BatchSize = 4, Optimizer = OptimizerKind.Sgd, LearningRate = 0.05 });
        var history = trainer.Fit(images, masks, images, masks);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss * 0.7, $"{history[0].TrainLoss:F3} -> {history[^1].TrainLoss:F3}");
    }

    [Fact]
    public void Progress_reports_every_step_with_a_readable_bar()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 10);
        var reports = new List<TrainingProgress>();
        using var model = new UNet();
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 2, BatchSize = 4 });
        trainer.Fit(images, masks, images, masks, onProgress: reports.Add);
        Assert.Equal(4, reports.Count);
        Assert.Equal((2, 2, 2), (reports[^1].Epoch, reports[^1].Step, reports[^1].StepsPerEpoch));
        Assert.Null(reports[0].LastValidationDice);
        Assert.NotNull(reports[^1].LastValidationDice);
        Assert.Matches(@"^epoch 2/2 \[#{20}\] 2/2 loss \d\.\d{3} Dice \d\.\d{3} ETA 0:00$", reports[^1].ToString());
    }
}
