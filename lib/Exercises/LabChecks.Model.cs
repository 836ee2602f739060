using Segmentation.Losses;
using Segmentation.Training;
using TorchSharp;
using static Segmentation.Exercises.LabCheckTools;
using static TorchSharp.torch;

namespace Segmentation.Exercises;

public static partial class LabChecks
{
    /// <summary>
    /// Checks the learner's U-Net decoder block, made by (channels from below, skip channels, output channels):
    /// forward(below, skip) must upsample the map from below x2, concatenate the skip and convolve, giving
    /// [N, output channels, skip's H, skip's W] that depends on both inputs, with trainable weights.
    /// </summary>
    public static LabCheckResult DecoderBlock(Func<long, long, long, nn.Module<Tensor, Tensor, Tensor>> makeBlock)
    {
        ArgumentNullException.ThrowIfNull(makeBlock);
        var messages = new List<string>();
        int cases = 0;
        foreach (var (below, skip, output, batch, side) in new (long, long, long, long, long)[] { (8, 4, 6, 2, 4), (16, 8, 8, 1, 8) })
        {
            using var scope = NewDisposeScope();
            string config = $"makeBlock({below}, {skip}, {output})";
            var (block, problem) = Attempt(() => makeBlock(below, skip, output), $"{config}");
            if (problem is not null)
                return Report(new LabCheckResult("Decoder block", 1, [problem]));
            if (block is null)
                return Report(new LabCheckResult("Decoder block", 1, [$"{config} returned null instead of a module."]));
            block.eval();
            torch.manual_seed(3);
            var fromBelow = rand(batch, below, side, side);
            var fromSkip = rand(batch, skip, side * 2, side * 2);
            cases += 4;
            var (result, error) = Attempt(() => block.call(fromBelow, fromSkip), $"forward with below {Shape(fromBelow)} and skip {Shape(fromSkip)}");
            if (error is not null)
            {
                string hint = error == NotImplemented ? "" :
                    $" Hint: upsample `below` to {side * 2}x{side * 2} first; after concatenating there are {below} + {skip} = {below + skip} channels for the convolution.";
                return Report(new LabCheckResult("Decoder block", cases, [error + hint]));
            }
            var expected = new long[] { batch, output, side * 2, side * 2 };
            if (result is null || !result.shape.SequenceEqual(expected))
            {
                string got = result is null ? "null" : Shape(result);
                string hint = result is not null && result.shape.Length == 4 && result.shape[2] == side ? " — as small as the map from below: upsample it x2 first."
                    : result is not null && result.shape.Length == 4 && result.shape[1] != output ? $" — the last convolution should give {output} channels." : ".";
                messages.Add($"for below {Shape(fromBelow)} and skip {Shape(fromSkip)} your block returns {got}; expected {Shape(expected)}{hint}");
                break;
            }
            if (!block.parameters().Any(p => p.requires_grad))
            {
                messages.Add("your block has no trainable weights: after concatenating, convolve (e.g. a ConvBlock or Conv2d created in the constructor and registered with RegisterComponents()).");
                break;
            }
            var before = Values(result);
            var otherSkip = rand(batch, skip, side * 2, side * 2);
            var (withOtherSkip, _) = Attempt(() => block.call(fromBelow, otherSkip), "forward");
            if (withOtherSkip is not null && Values(withOtherSkip).SequenceEqual(before))
                AddOnce(messages, "your block's output does not change when the skip changes: concatenate the skip with the upsampled map (cat along dimension 1) and convolve both.");
            var otherBelow = rand(batch, below, side, side);
            var (withOtherBelow, _) = Attempt(() => block.call(otherBelow, fromSkip), "forward");
            if (withOtherBelow is not null && Values(withOtherBelow).SequenceEqual(before))
                AddOnce(messages, "your block's output does not change when the map from below changes: it must use the upsampled map, not only the skip.");
        }
        return Report(new LabCheckResult("Decoder block", cases, messages));
    }

    /// <summary>
    /// Checks the learner's training choices: options set, a loss for binary masks that takes logits and
    /// is smaller for right answers than for wrong ones, and a sensible number of epochs, batch size and learning rate.
    /// </summary>
    public static LabCheckResult TrainingChoice(TrainingOptions? options)
    {
        const string How = "options = new TrainingOptions { Loss = LossCatalog.Create(\"bce-dice\"), Epochs = ..., BatchSize = ..., LearningRate = ... }";
        if (options is null)
            return Report(new LabCheckResult("Loss and training options", 1, [$"no options chosen yet: set {How} (the losses are {string.Join(", ", LossCatalog.Names)})."]));
        var messages = new List<string>();
        if (options.Loss is null)
            messages.Add($"choose a loss: Loss = LossCatalog.Create(name), one of {string.Join(", ", LossCatalog.Names.Where(n => n != "cross-entropy"))}.");
        else
        {
            using var scope = NewDisposeScope();
            var targets = Mask(8, 8, (y, x) => x < 4);
            var right = Mask(8, 8, (y, x) => x < 4).mul(Scalars.Six).sub(Scalars.Three);    // +3 on the person, -3 elsewhere
            var wrong = Mask(8, 8, (y, x) => x >= 4).mul(Scalars.Six).sub(Scalars.Three);
            var (good, problem) = Attempt(() => options.Loss(right, targets).item<float>(), "your loss");
            var (bad, _) = Attempt(() => options.Loss(wrong, targets).item<float>(), "your loss");
            if (problem is not null)
                messages.Add($"{problem}: on logits [1, 1, 8, 8] and a 0/1 mask of the same shape. Our masks are binary: cross-entropy is for class ids.");
            else if (!float.IsFinite(good) || !float.IsFinite(bad))
                messages.Add($"your loss gives {good} and {bad}: it must be a finite number.");
            else if (good >= bad)
                messages.Add($"your loss is {Number(good)} for right logits and {Number(bad)} for wrong ones: it must be smaller for right answers. Does it take logits (raw scores), not probabilities?");
        }
        if (options.Epochs is < 1 or > 60)
            messages.Add($"Epochs = {options.Epochs}: choose 1 to 60 (the generated sample learns in about 10 at 128x128).");
        if (options.BatchSize is < 1 or > 64)
            messages.Add($"BatchSize = {options.BatchSize}: choose 1 to 64 (4 to 16 suits a laptop).");
        if (options.LearningRate is < 1e-5 or > 0.05)
            messages.Add($"LearningRate = {options.LearningRate}: for Adam choose between 1e-5 and 0.05 (1e-3 is a good start).");
        return Report(new LabCheckResult("Loss and training options", 5, messages));
    }
}
