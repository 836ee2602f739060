using Segmentation.Models;
using Segmentation.Training;
using static TorchSharp.torch;

namespace Lesson.Tests.Training;

public class BestEpochTests
{
    [Fact]
    public void Restore_puts_back_the_weights_of_the_epoch_with_the_best_validation_dice()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 12);
        Seeds.Set(1);
        using var model = new UNet();
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 3, BatchSize = 4 });
        using var best = new BestEpoch(model);
        var weightsAfter = new Dictionary<int, Tensor>();
        // Fabricated validation scores: epoch 2 is the best, so its weights must come back.
        double[] dice = [0.2, 0.9, 0.5];
        trainer.Fit(images, masks, images, masks, onEpoch: e =>
        {
            weightsAfter[e.Epoch] = model.state_dict()["head.weight"].clone();
            best.Track(e with { ValidationDice = dice[e.Epoch - 1] });
        });

        Assert.Equal(2, best.Epoch);
        Assert.Equal(0.9, best.ValidationDice);
        Assert.False(weightsAfter[2].equal(model.state_dict()["head.weight"]).all().item<bool>(), "training did not change the weights after epoch 2");
        best.Restore();
        Assert.True(weightsAfter[2].equal(model.state_dict()["head.weight"]).all().item<bool>());
    }

    [Fact]
    public void A_tie_keeps_the_earlier_epoch_and_restore_before_any_epoch_says_what_to_do()
    {
        using var model = new SegNet();
        using var best = new BestEpoch(model);
        var error = Assert.Throws<InvalidOperationException>(best.Restore);
        Assert.Contains("Track", error.Message);

        best.Track(new EpochResult(1, 0.5, 0.5, 0.7, 0.6, 1, 1));
        best.Track(new EpochResult(2, 0.4, 0.4, 0.7, 0.6, 1, 1));
        Assert.Equal(1, best.Epoch);
    }
}
