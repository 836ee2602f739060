using Segmentation.Models;
using Segmentation.Training;

namespace Lesson.Tests.Training;

public class EpochProgressTests
{
    [Fact]
    public void The_report_an_epoch_ends_on_carries_that_epochs_validation_dice()
    {
        var (images, masks) = TinyData.Squares(8, 32, seed: 11);
        Seeds.Set(1);
        using var model = new UNet();
        using var trainer = new Trainer(model, new TrainingOptions { Epochs = 3, BatchSize = 4 });
        var reports = new List<TrainingProgress>();
        var history = trainer.Fit(images, masks, images, masks, onProgress: reports.Add);

        // Two steps per epoch, each reported once.
        Assert.Equal(6, reports.Count);
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            var ofEpoch = reports.Where(r => r.Epoch == epoch).ToList();
            Assert.Equal([1, 2], ofEpoch.Select(r => r.Step));
            // The last line the progress bar shows for an epoch is that epoch's Dice, not the one before.
            Assert.Equal(history[epoch - 1].ValidationDice, ofEpoch[^1].LastValidationDice);
            // While the epoch's steps run, the latest Dice known is the previous epoch's.
            Assert.Equal(epoch == 1 ? null : history[epoch - 2].ValidationDice, ofEpoch[0].LastValidationDice);
        }
        Assert.Equal(TimeSpan.Zero, reports[^1].Remaining);
    }
}
