using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Models;
using Segmentation.Samples;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests;

/// <summary>Real training on a generated sample in the real PH2 layout: no mocks.</summary>
public class TrainingTests
{
    [Fact]
    public void Unet_learns_lesions_far_better_than_an_untrained_network()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("ph2"), count: 48, seed: 3);
        var cases = Ph2Dataset.Load(root);
        Assert.Equal(48, cases.Count);
        var (train, validation) = Split.Random(cases, validationFraction: 0.25, seed: 1);
        var (trainImages, trainMasks) = ImageTensors.LoadPairs(train.Select(c => (c.ImagePath, c.MaskPath)), 64);
        var (validationImages, validationMasks) = ImageTensors.LoadPairs(validation.Select(c => (c.ImagePath, c.MaskPath)), 64);

        Seeds.Set(1);
        using var model = new UNet();
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 12, BatchSize = 6, Seed = 1 });
        double untrainedDice = trainer.Evaluate(validationImages, validationMasks).Counts.Dice;

        var history = trainer.Fit(trainImages, trainMasks, validationImages, validationMasks);

        Assert.Equal(12, history.Count);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss / 2, $"training loss went from {history[0].TrainLoss:F3} to {history[^1].TrainLoss:F3}");
        double trainedDice = history[^1].ValidationDice;
        Assert.True(trainedDice > 0.8, $"held-out Dice after training is {trainedDice:F3}");
        Assert.True(trainedDice > untrainedDice + 0.3, $"untrained Dice {untrainedDice:F3}, trained {trainedDice:F3}");
    }
}
