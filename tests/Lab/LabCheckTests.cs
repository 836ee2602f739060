using Segmentation.Data;
using Segmentation.Exercises;
using Segmentation.Inference;
using Segmentation.Loading;
using Segmentation.Losses;
using Segmentation.Metrics;
using Segmentation.Models;
using Segmentation.Samples;
using Segmentation.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Lesson.Tests.Lab;

/// <summary>Every lab check against a right answer and several typical wrong ones, on real tensors.</summary>
public class LabCheckTests
{
    static void Fails(LabCheckResult result, string expectedFragment)
    {
        Assert.False(result.Passed, "the check passed wrong work");
        Assert.Contains(result.Messages, m => m.Contains(expectedFragment, StringComparison.Ordinal));
        Assert.StartsWith("✗", result.ToString());
    }

    static void Passes(LabCheckResult result) => Assert.True(result.Passed, result.ToString());

    // ---- IoU and Dice
    static double Iou(Tensor p, Tensor t) => new ConfusionCounts(Count(p, t, 1, 1), Count(p, t, 1, 0), Count(p, t, 0, 1), 0).IoU;
    static double Dice(Tensor p, Tensor t) => new ConfusionCounts(Count(p, t, 1, 1), Count(p, t, 1, 0), Count(p, t, 0, 1), 0).Dice;
    static long Count(Tensor p, Tensor t, int pv, int tv)
    {
        var a = p.data<float>().ToArray();
        var b = t.data<float>().ToArray();
        return a.Zip(b).Count(x => x.First == pv && x.Second == tv);
    }

    [Fact]
    public void Iou_and_dice_pass_right_metrics_and_explain_wrong_ones()
    {
        Passes(LabChecks.IouAndDice(Iou, Dice));
        Fails(LabChecks.IouAndDice((_, _) => throw new NotImplementedException(), Dice), "IoU: not implemented yet");
        // Division without a guard: 0/0 for two empty masks.
        Fails(LabChecks.IouAndDice((p, t) => Count(p, t, 1, 1) / (double)(Count(p, t, 1, 1) + Count(p, t, 1, 0) + Count(p, t, 0, 1)), Dice), "returns NaN for an empty prediction against an empty mask");
        // Always 1 for an empty prediction: the example.
        Fails(LabChecks.IouAndDice((p, t) => Count(p, t, 1, 1) + Count(p, t, 1, 0) == 0 ? 1 : Iou(p, t), Dice),
            "your IoU returns 1 for an empty prediction against a non-empty mask; expected 0");
        Fails(LabChecks.IouAndDice(Dice, Dice), "your IoU returns the Dice score");
        Fails(LabChecks.IouAndDice(Iou, (p, t) => Enumerable.Range(0, (int)p.shape[0]).Average(i => Dice(p[i], t[i]))), "your Dice averages the images' scores");
    }

    // ---- Loading
    [Fact]
    public void Loading_passes_the_library_and_catches_unscaled_images_and_swapped_masks()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("lab-mads"), count: 6, seed: 2);
        var frames = MadsDataset.Load(root);
        Passes(LabChecks.Loading((f, size) => ImageTensors.LoadPairs(f, size), frames));
        Fails(LabChecks.Loading((f, size) => throw new NotImplementedException(), frames), "not implemented yet");
        Fails(LabChecks.Loading((f, size) => { var (i, m) = ImageTensors.LoadPairs(f, size); return (i.mul(255.0.ToScalar()), m); }, frames), "divide by 255");
        Fails(LabChecks.Loading((f, size) => { var (i, m) = ImageTensors.LoadPairs(f, size); return (i, m.flip(0)); }, frames), "is not the mask of the 1st frame");
        Fails(LabChecks.Loading((f, size) => { var (i, m) = ImageTensors.LoadPairs(f, size); return (i.permute(0, 2, 3, 1), m); }, frames), "expected [3, 3, 32, 32]");
    }

    // ---- Split
    [Fact]
    public void Split_passes_by_sequence_and_explains_a_split_by_frame()
    {
        Passes(LabChecks.Split((f, v) => Split.BySequence(f, v, seed: 1)));
        Fails(LabChecks.Split((f, v) => Split.Random(f, v, seed: 1)), "have frames on both sides");
        Fails(LabChecks.Split((f, v) => (f, Array.Empty<MadsFrame>())), "nothing is held out");
        Fails(LabChecks.Split((f, v) => (f, f.Take(6).ToList())), "appear more than once");
        Fails(LabChecks.Split((f, v) => throw new NotImplementedException()), "not implemented yet");
    }

    // ---- Augmentation
    static (Tensor, Tensor) FlipBoth((Tensor Image, Tensor Mask) e, Random r) =>
        r.NextDouble() < 0.5 ? (e.Image.flip(2), e.Mask.flip(2)) : (e.Image.clone(), e.Mask.clone());

    [Fact]
    public void Augmentation_passes_aligned_flips_and_explains_misalignment()
    {
        Passes(LabChecks.Augmentation(FlipBoth));
        Fails(LabChecks.Augmentation((e, r) => r.NextDouble() < 0.5 ? (e.Image.flip(2), e.Mask.clone()) : (e.Image.clone(), e.Mask.clone())), "no longer line up");
        Fails(LabChecks.Augmentation((e, r) => (e.Image.clone(), e.Mask.clone())), "unchanged");
        Fails(LabChecks.Augmentation((e, r) => (e.Image.mul(((float)(0.8 + 0.4 * r.NextDouble())).ToScalar()).clamp(0.0.ToScalar(), 1.0.ToScalar()), e.Mask.clone())), "only the colours changed");
        Fails(LabChecks.Augmentation((e, r) => { var (i, m) = FlipBoth(e, r); return (i, m.mul(0.5.ToScalar())); }), "mask values between 0 and 1");
        Fails(LabChecks.Augmentation((e, r) => (e.Image.copy_(e.Image.flip(2)), e.Mask.copy_(e.Mask.flip(2)))), "in place");
        Fails(LabChecks.Augmentation((e, r) => throw new NotImplementedException()), "not implemented yet");
    }

    // ---- Decoder block
    sealed class Decoder : nn.Module<Tensor, Tensor, Tensor>
    {
        readonly nn.Module<Tensor, Tensor> up = nn.Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);
        readonly nn.Module<Tensor, Tensor> conv;
        readonly bool useSkip, upsample;
        public Decoder(long below, long skip, long output, bool useSkip = true, bool upsample = true) : base("Decoder")
        {
            this.useSkip = useSkip;
            this.upsample = upsample;
            conv = new ConvBlock(useSkip ? below + skip : below, output);
            RegisterComponents();
        }
        public override Tensor forward(Tensor below, Tensor skip)
        {
            var x = upsample ? up.call(below) : below;
            return conv.call(useSkip ? cat([x, skip], 1) : x);
        }
    }

    [Fact]
    public void Decoder_block_passes_a_real_block_and_explains_missing_steps()
    {
        Passes(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o)));
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o, useSkip: false)), "does not change when the skip changes");
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o, useSkip: false, upsample: false)), "upsample it x2 first");
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o, upsample: false)), "Hint: upsample");
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(8, 4, 6)), "16 + 8 = 24 channels");
        Fails(LabChecks.DecoderBlock((b, s, o) => throw new NotImplementedException()), "not implemented yet");
    }

    // ---- Training choice
    [Fact]
    public void Training_choice_accepts_a_binary_loss_and_explains_bad_choices()
    {
        Passes(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("bce-dice"), Epochs = 10 }));
        Fails(LabChecks.TrainingChoice(null), "no options chosen yet");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Epochs = 10 }), "choose a loss");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("cross-entropy") }), "cross-entropy is for class ids");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = (l, t) => BinaryLosses.BceWithLogits(l.neg(), t) }), "smaller for right answers");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("bce"), LearningRate = 1 }), "LearningRate = 1");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("bce"), Epochs = 0 }), "Epochs = 0");
    }

    // ---- Held-out IoU
    [Fact]
    public void Held_out_iou_passes_pooled_counts_and_explains_per_image_means_and_wrong_thresholds()
    {
        Passes(LabChecks.HeldOutIou((l, m) => { var c = new ConfusionCounts(); c.Add(l, m); return c.IoU; }));
        Fails(LabChecks.HeldOutIou((l, m) => { var c = new PerImageCounts(); c.Add(l, m); return c.MeanIoU; }), "averages the images' scores");
        Fails(LabChecks.HeldOutIou((l, m) => Iou(l.gt(0.5.ToScalar()).to_type(ScalarType.Float32), m)), "thresholds the logits at 0.5");
        Fails(LabChecks.HeldOutIou((l, m) => 0.5), "expected 0.75");
        Fails(LabChecks.HeldOutIou((l, m) => throw new NotImplementedException()), "not implemented yet");
    }

    // ---- Worst predictions
    static int[] Worst(Tensor p, Tensor m, int count, bool nanForEmpty = false, bool best = false)
    {
        var scores = Enumerable.Range(0, (int)p.shape[0]).Select(i =>
        {
            double iou = Iou(p[i], m[i]);
            return nanForEmpty && Count(p[i], m[i], 1, 1) + Count(p[i], m[i], 1, 0) + Count(p[i], m[i], 0, 1) == 0 ? double.NaN : iou;
        }).ToArray();
        var order = Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]);
        return (best ? order.Reverse() : order).Take(count).ToArray();
    }

    [Fact]
    public void Worst_predictions_pass_lowest_iou_first_and_explain_mistakes()
    {
        Passes(LabChecks.WorstPredictions((p, m, c) => Worst(p, m, c)));
        Fails(LabChecks.WorstPredictions((p, m, c) => Worst(p, m, c, nanForEmpty: true)), "its IoU is 1");
        Fails(LabChecks.WorstPredictions((p, m, c) => Worst(p, m, c, best: true)), "sort by IoU from lowest to highest");
        Fails(LabChecks.WorstPredictions((p, m, c) => Worst(p, m, 1)), "returns 1 indices");
    }

    // ---- Counting people
    [Fact]
    public void Counting_people_passes_connected_components_and_explains_specks_and_bends()
    {
        Passes(LabChecks.CountPeople((m, min) => ConnectedComponents.Label(m).Sizes.Count(s => s >= min)));
        Fails(LabChecks.CountPeople((m, min) => ConnectedComponents.Label(m).Count), "Regions smaller than minPixels are noise");
        // Counting runs in one row: a U-shaped person looks like two.
        Fails(LabChecks.CountPeople((m, min) =>
        {
            var v = m.data<float>().ToArray();
            int w = (int)m.shape[^1], runs = 0;
            for (int x = 0; x < w; x++)
                if (v[6 * w + x] == 1 && (x == 0 || v[6 * w + x - 1] == 0)) runs++;
            return runs;
        }), "however it bends");
        Fails(LabChecks.CountPeople((m, min) => throw new NotImplementedException()), "not implemented yet");
    }
}
