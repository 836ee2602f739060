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

/// <summary>Every lab check against a right answer and several plausible wrong ones, on real tensors and real files.</summary>
public class LabCheckTests
{
    static void Fails(LabCheckResult result, string expectedFragment)
    {
        Assert.False(result.Passed, "the check passed wrong work");
        Assert.Contains(result.Messages, m => m.Contains(expectedFragment, StringComparison.Ordinal));
        Assert.StartsWith("✗", result.ToString());
        Assert.Contains(expectedFragment, result.ToString());
    }

    static void Passes(LabCheckResult result) => Assert.True(result.Passed, result.ToString());

    // ---- IoU and Dice
    internal static double Iou(Tensor p, Tensor t) => new ConfusionCounts(Count(p, t, 1, 1), Count(p, t, 1, 0), Count(p, t, 0, 1), 0).IoU;
    static double Dice(Tensor p, Tensor t) => new ConfusionCounts(Count(p, t, 1, 1), Count(p, t, 1, 0), Count(p, t, 0, 1), 0).Dice;
    static long Count(Tensor p, Tensor t, int pv, int tv)
    {
        var a = p.contiguous().data<float>().ToArray();
        var b = t.contiguous().data<float>().ToArray();
        return a.Zip(b).Count(x => x.First == pv && x.Second == tv);
    }

    [Fact]
    public void Iou_and_dice_pass_right_metrics_and_explain_wrong_ones()
    {
        Passes(LabChecks.IouAndDice(Iou, Dice));
        Fails(LabChecks.IouAndDice((_, _) => throw new NotImplementedException(), Dice), "IoU: not implemented yet");
        // Division without a guard: 0/0 for two empty masks.
        Fails(LabChecks.IouAndDice((p, t) => Count(p, t, 1, 1) / (double)(Count(p, t, 1, 1) + Count(p, t, 1, 0) + Count(p, t, 0, 1)), Dice), "returns NaN for an empty prediction against an empty mask");
        // Always 1 for an empty prediction.
        Fails(LabChecks.IouAndDice((p, t) => Count(p, t, 1, 1) + Count(p, t, 1, 0) == 0 ? 1 : Iou(p, t), Dice),
            "your IoU returns 1 for an empty prediction against a non-empty mask; expected 0");
        Fails(LabChecks.IouAndDice(Dice, Dice), "your IoU returns the Dice score");
        Fails(LabChecks.IouAndDice(Iou, (p, t) => Enumerable.Range(0, (int)p.shape[0]).Average(i => Dice(p[i], t[i]))), "your Dice averages the images' scores");
    }

    // ---- Loading
    static (Tensor, Tensor) GrayLoader(IReadOnlyList<MadsFrame> frames, int size, Func<Tensor, Tensor> cut) =>
        (stack(frames.Select(f => ImageTensors.LoadImage(f.ImagePath, size)).ToArray()),
         stack(frames.Select(f => cut(ImageTensors.LoadGrayLevels(f.MaskPath, size))).ToArray()));

    [Fact]
    public void Loading_passes_masks_cut_at_half_and_catches_unscaled_images_swapped_masks_and_wrong_cuts()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("lab-mads"), count: 12, seed: 2);
        var frames = MadsDataset.Load(root);
        Passes(LabChecks.Loading((f, size) => ImageTensors.LoadPairs(f, size), frames));
        Passes(LabChecks.Loading((f, size) => GrayLoader(f, size, g => g.gt(0.5).to_type(ScalarType.Float32)), frames));
        Fails(LabChecks.Loading((f, size) => throw new NotImplementedException(), frames), "not implemented yet");
        Fails(LabChecks.Loading((f, size) => { var (i, m) = ImageTensors.LoadPairs(f, size); return (i.mul(255.0.ToScalar()), m); }, frames), "divide by 255");
        Fails(LabChecks.Loading((f, size) => { var (i, m) = ImageTensors.LoadPairs(f, size); return (i, m.flip(0)); }, frames), "is not the mask of frame 1");
        Fails(LabChecks.Loading((f, size) => { var (i, m) = ImageTensors.LoadPairs(f, size); return (i.permute(0, 2, 3, 1), m); }, frames), "expected [3, 3, 32, 32]");
        // The gray levels as they are, any gray as person, the background as person.
        Fails(LabChecks.Loading((f, size) => GrayLoader(f, size, g => g), frames), "threshold the gray levels");
        Fails(LabChecks.Loading((f, size) => GrayLoader(f, size, g => g.gt(0.0).to_type(ScalarType.Float32)), frames), "more person pixels than the mask files");
        Fails(LabChecks.Loading((f, size) => GrayLoader(f, size, g => g.ge(0.999).to_type(ScalarType.Float32)), frames), "fewer person pixels than the mask files");
        Fails(LabChecks.Loading((f, size) => GrayLoader(f, size, g => g.le(0.5).to_type(ScalarType.Float32)), frames), "marks the background as 1");
    }

    // ---- Split
    [Fact]
    public void Split_passes_whole_recordings_and_catches_leaks_unrepeatable_and_unbalanced_splits()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("lab-split"), count: 36, seed: 3);
        var frames = MadsDataset.Load(root);
        Passes(LabChecks.Split((f, v) => Split.BySequence(f, v, seed: 1), frames));
        Fails(LabChecks.Split((f, v) => Split.Random(f, v, seed: 1)), "have frames on both sides");
        // By camera: every recording is filmed by every camera, so each one ends up on both sides.
        Fails(LabChecks.Split((f, v) => (f.Where(x => x.Camera != 1).ToList(), f.Where(x => x.Camera == 1).ToList())), "have frames on both sides");
        // The first frames by count: the cut falls inside a recording.
        Fails(LabChecks.Split((f, v) => (f.Skip((int)Math.Round(f.Count * v)).ToList(), f.Take((int)Math.Round(f.Count * v)).ToList())), "have frames on both sides");
        // Whole recordings, but a new shuffle each call: the test recordings would change between runs.
        Fails(LabChecks.Split((f, v) => Split.BySequence(f, v, seed: Random.Shared.Next())), "different answer each time");
        Fails(LabChecks.Split((f, v) => (f, Array.Empty<MadsFrame>())), "nothing is held out");
        Fails(LabChecks.Split((f, v) => (f, f.Take(6).ToList())), "appear more than once");
        Fails(LabChecks.Split((f, v) => throw new NotImplementedException()), "not implemented yet");
        // Right on the hand-made frames, leaking on the dataset's own.
        Fails(LabChecks.Split((f, v) => f.Count == 36 && f[0].Name.StartsWith("HipHop_HipHop1", StringComparison.Ordinal) && f[0].ImagePath.StartsWith("images/", StringComparison.Ordinal)
            ? Split.BySequence(f, v, seed: 1) : Split.Random(f, v, seed: 1), frames), "on the dataset's");
    }

    // ---- Augmentation
    static (Tensor, Tensor) FlipBoth((Tensor Image, Tensor Mask) e, Random r) =>
        r.NextDouble() < 0.5 ? (e.Image.flip(2), e.Mask.flip(2)) : (e.Image.clone(), e.Mask.clone());

    [Fact]
    public void Augmentation_passes_aligned_flips_and_explains_misalignment()
    {
        Passes(LabChecks.Augmentation(FlipBoth));
        Passes(LabChecks.Augmentation(LabFallbacks.Augment));
        // The flip applied to the image only.
        Fails(LabChecks.Augmentation((e, r) => r.NextDouble() < 0.5 ? (e.Image.flip(2), e.Mask.clone()) : (e.Image.clone(), e.Mask.clone())), "no longer line up");
        Fails(LabChecks.Augmentation((e, r) => (e.Image.clone(), e.Mask.clone())), "unchanged");
        Fails(LabChecks.Augmentation((e, r) => (e.Image.mul(((float)(0.8 + 0.4 * r.NextDouble())).ToScalar()).clamp(0.0.ToScalar(), 1.0.ToScalar()), e.Mask.clone())), "only the colours changed");
        // Brightness applied to the mask too.
        Fails(LabChecks.Augmentation((e, r) => { var (i, m) = FlipBoth(e, r); return (i, m.mul(0.5.ToScalar())); }), "mask values between 0 and 1");
        Fails(LabChecks.Augmentation((e, r) => (e.Image.copy_(e.Image.flip(2)), e.Mask.copy_(e.Mask.flip(2)))), "in place");
        Fails(LabChecks.Augmentation((e, r) => FlipBoth(e, new Random())), "same Random seed");
        Fails(LabChecks.Augmentation((e, r) => throw new NotImplementedException()), "not implemented yet");
    }

    // ---- Held-out IoU from logits
    [Fact]
    public void Held_out_iou_passes_pooled_counts_at_the_threshold_and_explains_per_image_means_and_threshold_mistakes()
    {
        Passes(LabChecks.HeldOutIou((l, m, t) => { var c = new ConfusionCounts(); c.AddPredictions(BinaryMask.FromLogits(l, t), m); return c.IoU; }));
        Passes(LabChecks.HeldOutIou(LabFallbacks.HeldOutIou));
        Fails(LabChecks.HeldOutIou((l, m, t) => { var c = new PerImageCounts(); c.AddPredictions(BinaryMask.FromLogits(l, t), m); return c.MeanIoU; }), "averages the images' scores");
        Fails(LabChecks.HeldOutIou((l, m, t) => Iou(l.gt(t.ToScalar()).to_type(ScalarType.Float32), m)), "as if the logits were compared with the threshold");
        Fails(LabChecks.HeldOutIou((l, m, t) => Iou(l.gt(0.0.ToScalar()).to_type(ScalarType.Float32), m)), "the same as at 0.5");
        Fails(LabChecks.HeldOutIou((l, m, t) => 0.5), "expected 0.75");
        Fails(LabChecks.HeldOutIou((l, m, t) => throw new NotImplementedException()), "not implemented yet");
    }

    // ---- Decoder block
    internal sealed class Decoder : nn.Module<Tensor, Tensor, Tensor>
    {
        readonly nn.Module<Tensor, Tensor> up = nn.Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);
        readonly nn.Module<Tensor, Tensor> conv;
        readonly bool useSkip, upsample;
        public Decoder(long below, long skip, long output, bool useSkip = true, bool upsample = true, bool register = true) : base("Decoder")
        {
            this.useSkip = useSkip;
            this.upsample = upsample;
            conv = new ConvBlock(useSkip ? below + skip : below, output);
            if (register)
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
        Passes(LabChecks.DecoderBlock(LabFallbacks.DecoderBlock));
        // The skip connection dropped.
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o, useSkip: false)), "the skip connection is lost");
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o, useSkip: false, upsample: false)), "it has to grow x2");
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o, upsample: false)), "must be 8x8 before it can join the skip");
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(8, 4, 6)), "16 + 8 = 24 channels");
        Fails(LabChecks.DecoderBlock((b, s, o) => new Decoder(b, s, o, register: false)), "no trainable weights");
        Fails(LabChecks.DecoderBlock((b, s, o) => throw new NotImplementedException()), "not implemented yet");
    }

    // ---- Training choice
    [Fact]
    public void Training_choice_accepts_a_binary_loss_and_explains_bad_choices_without_naming_one()
    {
        Passes(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("bce-dice"), Epochs = 10 }));
        Passes(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("focal"), Epochs = 10 }));
        var none = LabChecks.TrainingChoice(null);
        Fails(none, "no options chosen yet");
        Assert.DoesNotContain("\"bce", none.ToString());                      // every loss listed, none suggested
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Epochs = 10 }), "choose a loss");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("cross-entropy") }), "it was given logits [1, 1, 8, 8] and a 0/1 mask");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = (l, t) => BinaryLosses.BceWithLogits(l.neg(), t) }), "smaller for right answers");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("bce"), LearningRate = 1 }), "LearningRate = 1");
        Fails(LabChecks.TrainingChoice(new TrainingOptions { Loss = LossCatalog.Create("bce"), Epochs = 0 }), "Epochs = 0");
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
        Passes(LabChecks.WorstPredictions(LabFallbacks.WorstImages));
        Fails(LabChecks.WorstPredictions((p, m, c) => Worst(p, m, c, nanForEmpty: true)), "its IoU is 1");
        Fails(LabChecks.WorstPredictions((p, m, c) => Worst(p, m, c, best: true)), "sort by IoU from lowest to highest");
        Fails(LabChecks.WorstPredictions((p, m, c) => Worst(p, m, 1)), "returns 1 indices");
    }

    // ---- Counting people
    [Fact]
    public void Counting_people_passes_regions_above_a_size_rule_and_explains_specks_bends_and_strict_rules()
    {
        Passes(LabChecks.CountPeople(m => ConnectedComponents.Label(m).Sizes.Count(s => s >= 60)));
        Passes(LabChecks.CountPeople(m => ConnectedComponents.Label(m, Connectivity.Four).Sizes.Count(s => s >= 20)));
        Passes(LabChecks.CountPeople(LabFallbacks.CountPeople));
        Fails(LabChecks.CountPeople(m => ConnectedComponents.Label(m).Count), "Specks of a few pixels are noise");
        Fails(LabChecks.CountPeople(m => ConnectedComponents.Label(m).Sizes.Count(s => s >= 500)), "drops a real person");
        // Regions relative to the largest, too strict: the far person is a third of the near one.
        Fails(LabChecks.CountPeople(m => { var sizes = ConnectedComponents.Label(m).Sizes; return sizes.Count(s => s >= 0.5 * sizes.DefaultIfEmpty(0).Max()); }), "drops a real person");
        // Counting runs along one row: two legs look like two people.
        Fails(LabChecks.CountPeople(m =>
        {
            var v = m.contiguous().data<float>().ToArray();
            int w = (int)m.shape[^1], runs = 0;
            for (int row = 0; row < (int)m.shape[^2]; row += 4)
            {
                int inRow = 0;
                for (int x = 0; x < w; x++)
                    if (v[row * w + x] == 1 && (x == 0 || v[row * w + x - 1] == 0)) inRow++;
                runs = Math.Max(runs, inRow);
            }
            return runs;
        }), "however it bends");
        Fails(LabChecks.CountPeople(m => throw new NotImplementedException()), "not implemented yet");
    }
}
