using Segmentation.Losses;
using Segmentation.Training;
using TorchSharp;
using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;
using Text = Segmentation.Exercises.LabMessages;

namespace Segmentation.Exercises;

public static partial class LabChecks
{
    /// <summary>
    /// Exercise 6, the learner's U-Net decoder block, made by (channels from below, skip channels, output channels):
    /// forward(below, skip) must upsample the map from below x2, concatenate the skip and convolve, giving
    /// [N, output channels, skip's H, skip's W] that depends on both inputs, with trainable weights.
    /// </summary>
    public static LabCheckResult DecoderBlock(Func<long, long, long, nn.Module<Tensor, Tensor, Tensor>> makeBlock)
    {
        ArgumentNullException.ThrowIfNull(makeBlock);
        const int number = 6;
        string title = Text.Decoder.Title;
        var messages = new List<string>();
        int cases = 0;
        foreach (var (below, skip, output, batch, side) in new (long, long, long, long, long)[] { (8, 4, 6, 2, 4), (16, 8, 8, 1, 8) })
        {
            using var scope = NewDisposeScope();
            string config = Say(Text.Decoder.Made, below, skip, output);
            var (block, problem) = Attempt(() => makeBlock(below, skip, output), config);
            if (problem is not null)
                return Report(new LabCheckResult(number, title, 1, [problem]));
            if (block is null)
                return Report(new LabCheckResult(number, title, 1, [Say(Text.Decoder.ReturnedNull, config)]));
            block.eval();
            torch.manual_seed(3);
            var fromBelow = rand(batch, below, side, side);
            var fromSkip = rand(batch, skip, side * 2, side * 2);
            cases += 4;
            var (result, error) = Attempt(() => block.call(fromBelow, fromSkip), Say(Text.Decoder.Forward, Shape(fromBelow), Shape(fromSkip)));
            if (error is not null)
            {
                string hint = error == CheckMessages.NotImplemented ? "" : " " + Say(Text.Decoder.ForwardFailedHint, side * 2, below, skip, below + skip);
                return Report(new LabCheckResult(number, title, cases, [error + hint]));
            }
            var expected = new long[] { batch, output, side * 2, side * 2 };
            if (result is null || !result.shape.SequenceEqual(expected))
            {
                string got = result is null ? "null" : Shape(result);
                string hint = result is not null && result.shape.Length == 4 && result.shape[2] == side ? Text.Decoder.NotUpsampled
                    : result is not null && result.shape.Length == 4 && result.shape[1] != output ? Say(Text.Decoder.WrongChannels, output) : ".";
                messages.Add(Say(Text.Decoder.WrongShape, Shape(fromBelow), Shape(fromSkip), got, Shape(expected), hint));
                break;
            }
            if (!block.parameters().Any(p => p.requires_grad))
            {
                messages.Add(Text.Decoder.NoWeights);
                break;
            }
            var before = Values(result);
            var (withOtherSkip, _) = Attempt(() => block.call(fromBelow, rand(batch, skip, side * 2, side * 2)), Text.Decoder.ForwardAgain);
            if (withOtherSkip is not null && Values(withOtherSkip).SequenceEqual(before))
                AddOnce(messages, Text.Decoder.IgnoresSkip);
            var (withOtherBelow, _) = Attempt(() => block.call(rand(batch, below, side, side), fromSkip), Text.Decoder.ForwardAgain);
            if (withOtherBelow is not null && Values(withOtherBelow).SequenceEqual(before))
                AddOnce(messages, Text.Decoder.IgnoresBelow);
        }
        return Report(new LabCheckResult(number, title, cases, messages));
    }

    /// <summary>
    /// Exercise 7, the learner's training choices: options set, a loss for binary masks that takes logits and
    /// is smaller for right answers than for wrong ones, and a sensible most epochs, batch size and learning rate.
    /// </summary>
    public static LabCheckResult TrainingChoice(TrainingOptions? options)
    {
        const int number = 7;
        string title = Text.Training.Title;
        string losses = string.Join(", ", LossCatalog.Names);
        if (options is null)
            return Report(new LabCheckResult(number, title, 1, [Say(Text.Training.NoOptions, losses)], notDone: true));
        var messages = new List<string>();
        if (options.Loss is null)
            messages.Add(Say(Text.Training.NoLoss, losses));
        else
        {
            using var scope = NewDisposeScope();
            var targets = Mask(8, 8, (y, x) => x < 4);
            var right = Mask(8, 8, (y, x) => x < 4).mul(Scalars.Six).sub(Scalars.Three);    // +3 on the person, -3 elsewhere
            var wrong = Mask(8, 8, (y, x) => x >= 4).mul(Scalars.Six).sub(Scalars.Three);
            var (good, problem) = Attempt(() => options.Loss(right, targets).item<float>(), Text.Training.YourLoss);
            var (bad, _) = Attempt(() => options.Loss(wrong, targets).item<float>(), Text.Training.YourLoss);
            if (problem is not null)
                messages.Add(Say(Text.Training.LossFailed, problem));
            else if (!float.IsFinite(good) || !float.IsFinite(bad))
                messages.Add(Say(Text.Training.LossNotFinite, Number(good), Number(bad)));
            else if (good >= bad)
                messages.Add(Say(Text.Training.LossBackwards, Number(good), Number(bad)));
        }
        if (options.Epochs is < 1 or > 60)
            messages.Add(Say(Text.Training.Epochs, options.Epochs));
        if (options.BatchSize is < 1 or > 64)
            messages.Add(Say(Text.Training.BatchSize, options.BatchSize));
        if (options.LearningRate is < 1e-5 or > 0.05)
            messages.Add(Say(Text.Training.LearningRate, options.LearningRate));
        return Report(new LabCheckResult(number, title, 5, messages));
    }
}
