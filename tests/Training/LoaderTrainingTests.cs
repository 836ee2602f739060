using Segmentation.Augmentation;
using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Models;
using Segmentation.Samples;
using Segmentation.Training;

namespace Lesson.Tests.Training;

/// <summary>Training from a <see cref="SegmentationLoader"/>: real files, fresh augmentation each epoch, exact resume.</summary>
public class LoaderTrainingTests
{
    static readonly Lazy<IReadOnlyList<Ph2Case>> Cases = new(() =>
        Ph2Dataset.Load(Ph2Sample.Write(RepoPaths.NewTempFolder("loader-training"), count: 14, seed: 5)));

    static SegmentationLoader Loader(IEnumerable<Ph2Case> cases) =>
        new(cases, new LoaderOptions { Size = 32, BatchSize = 4, Augmentations = Augmentations.Dermoscopy, Seed = 2 });

    static TrainingOptions Options(string checkpoint, int epochs) =>
        new() { Epochs = epochs, BatchSize = 4, LearningRate = 3e-3, Seed = 3, CheckpointPath = checkpoint };

    [Fact]
    public void Loader_training_takes_the_loaders_batches_and_learns_the_lesions()
    {
        var (train, validation) = (Cases.Value.Take(10).ToList(), Cases.Value.Skip(10).ToList());
        var (valImages, valMasks) = ImageTensors.LoadPairs(validation, 32);
        var loader = Loader(train);
        Seeds.Set(4);
        using var model = new UNet();
        using var trainer = new Trainer(model, Options(Path.Combine(RepoPaths.NewTempFolder("loader-fit"), "best.ckpt"), 6));

        var history = trainer.Fit(loader, valImages, valMasks);

        Assert.Equal(6, history.Count);
        Assert.All(history, e => Assert.Equal(loader.BatchesPerEpoch, e.Steps));   // 10 images in batches of 4: 3 steps
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss * 0.8, string.Join(", ", history.Select(e => e.TrainLoss)));
        Assert.Equal(32, Checkpoint.ReadInfo(trainer.LastCheckpointPath!).ImageSize);
    }

    [Fact]
    public void A_loader_that_serves_no_batch_is_refused_before_training()
    {
        var loader = new SegmentationLoader(Cases.Value.Take(3), new LoaderOptions { Size = 32, BatchSize = 4, DropLast = true });
        var (images, masks) = ImageTensors.LoadPairs(Cases.Value.Take(2).ToList(), 32);
        using var trainer = new Trainer(new UNet(), new TrainingOptions { Epochs = 1 });

        var error = Assert.Throws<ArgumentException>(() => trainer.Fit(loader, images, masks));

        Assert.Contains("3 examples make no full batch", error.Message);
        Assert.Empty(trainer.History);
    }

    [Fact]
    public void Resuming_a_loader_run_sees_the_same_augmented_batches_as_the_uninterrupted_run()
    {
        var (valImages, valMasks) = ImageTensors.LoadPairs(Cases.Value.Skip(10).ToList(), 32);
        var train = Cases.Value.Take(10).ToList();
        string folder = RepoPaths.NewTempFolder("loader-resume");

        Seeds.Set(11);
        using var straightModel = new UNet();
        using var straight = new Trainer(straightModel, Options(Path.Combine(folder, "straight.ckpt"), 3));
        var uninterrupted = straight.Fit(Loader(train), valImages, valMasks);

        Seeds.Set(11);
        using (var firstModel = new UNet())
        using (var first = new Trainer(firstModel, Options(Path.Combine(folder, "split.ckpt"), 1)))
            first.Fit(Loader(train), valImages, valMasks);
        Seeds.Set(999);
        using var resumedModel = new UNet();
        using var resumed = new Trainer(resumedModel, Options(Path.Combine(folder, "split.ckpt"), 3));
        resumed.Resume(Trainer.LastPathFor(Path.Combine(folder, "split.ckpt")));
        var continued = resumed.Fit(Loader(train), valImages, valMasks);

        Assert.Equal(new[] { 1, 2, 3 }, continued.Select(e => e.Epoch));
        for (int i = 0; i < 3; i++)
            Assert.Equal(uninterrupted[i].TrainLoss, continued[i].TrainLoss, 4);
    }
}
