using Segmentation.Models;
using Segmentation.Pose;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Pose;

/// <summary>Heatmap training goes through the Trainer's step: it learns, and a NaN stops it before any weight changes.</summary>
public class HeatmapTrainingTests
{
    [Fact]
    public void Training_lowers_the_heatmap_loss_and_finds_joints_on_new_people()
    {
        var train = PoseSample.Generate(24, 32, seed: 1);
        var test = PoseSample.Generate(8, 32, seed: 2);
        using var heatmaps = Heatmaps.Render(train.Joints, 32, sigma: 1.5f);
        Seeds.Set(1);
        using var model = new UNet(classes: (int)heatmaps.shape[1], widths: [8, 16]);

        var history = HeatmapTraining.Fit(model, train.Images, heatmaps, epochs: 4, batchSize: 8, learningRate: 3e-3,
            validationImages: test.Images, validationJoints: test.Joints, pckPixels: 4);

        Assert.Equal([1, 2, 3, 4], history.Select(e => e.Epoch));
        // Twelve steps: the loss falls every epoch (BCE against soft Gaussian targets has a floor well above 0).
        Assert.True(history.Zip(history.Skip(1)).All(pair => pair.Second.Loss < pair.First.Loss),
            $"the loss did not fall every epoch: {string.Join(", ", history.Select(e => e.Loss.ToString("F4")))}");
        Assert.All(history, e => Assert.InRange(e.Pck!.Value, 0, 1));
        Assert.Equal(history[^1].Pck!.Value, Heatmaps.Pck(HeatmapTraining.Predict(model, test.Images), test.Joints, 4), 6);
    }

    [Fact]
    public void A_nan_in_the_images_stops_training_before_the_weights_change()
    {
        var train = PoseSample.Generate(8, 32, seed: 3);
        using var heatmaps = Heatmaps.Render(train.Joints, 32);
        using var poisoned = train.Images.clone();
        poisoned[0, 0, 0, 0] = tensor(float.NaN);
        Seeds.Set(2);
        using var model = new UNet(classes: (int)heatmaps.shape[1], widths: [8]);
        var before = model.parameters().Select(p => p.detach().clone()).ToList();

        var error = Assert.Throws<TrainingDivergedException>(() => HeatmapTraining.Fit(model, poisoned, heatmaps, epochs: 1, batchSize: 8));

        Assert.Contains("The training loss became NaN at epoch 1, step 1", error.Message);
        Assert.True(before.Zip(model.parameters()).All(pair => pair.First.equal(pair.Second).all().item<bool>()), "a NaN step changed the weights");
    }
}
