using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Samples;
using Segmentation.Exercises;
using Segmentation.Training;
using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Lesson.Tests.Lab;

/// <summary>The lab's pipeline: the learner's pieces when their checks pass, the library's otherwise, and real training with them.</summary>
public class LabPipelineTests
{
    static string Console(Action action)
    {
        var saved = System.Console.Out;
        var text = new StringWriter();
        System.Console.SetOut(text);
        try
        {
            action();
        }
        finally
        {
            System.Console.SetOut(saved);
        }
        return text.ToString();
    }

    [Fact]
    public void Pieces_are_the_learners_once_their_check_passes_and_the_librarys_otherwise_saying_why()
    {
        Func<Tensor, Tensor, double, double> mine = (l, m, t) => LabFallbacks.HeldOutIou(l, m, t);
        Func<Tensor, Tensor, double, double>? picked = null;

        string passed = Console(() => picked = LabPieces.HeldOutIou(LabChecks.HeldOutIou(mine), mine));
        Assert.Same(mine, picked);
        Assert.Contains("→ using your held-out IoU (exercise 5).", passed);

        Func<Tensor, Tensor, double, double> notDone = (l, m, t) => throw new NotImplementedException();
        string missing = Console(() => picked = LabPieces.HeldOutIou(LabChecks.HeldOutIou(notDone), notDone));
        Assert.NotSame(notDone, picked);
        Assert.Contains("→ using the library's held-out IoU because your exercise 5 is not done yet.", missing);

        Func<Tensor, Tensor, double, double> wrong = (l, m, t) => 0.5;
        string failing = Console(() => picked = LabPieces.HeldOutIou(LabChecks.HeldOutIou(wrong), wrong));
        Assert.NotSame(wrong, picked);
        Assert.Contains("→ using the library's held-out IoU because your exercise 5 does not pass its check yet.", failing);

        string options = Console(() => Assert.Equal(2, LabPieces.Options(LabChecks.TrainingChoice(null), null).Epochs));
        Assert.Contains("using the library's training options (a short run of 2 epochs) because your exercise 7 is not done yet", options);
    }

    [Fact]
    public void Gray_levels_are_zero_and_one_inside_and_outside_a_mask_and_gray_only_along_its_edge()
    {
        string folder = RepoPaths.NewTempFolder("gray-levels");
        string path = Path.Combine(folder, "mask.png");
        var white = new byte[64 * 48];
        for (int y = 10; y < 38; y++)
            for (int x = 20; x < 44; x++)
                white[y * 64 + x] = 255;
        using (var image = SixLabors.ImageSharp.Image.LoadPixelData<SixLabors.ImageSharp.PixelFormats.L8>(white, 64, 48))
            SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, path);

        var gray = ImageTensors.LoadGrayLevels(path, 16);

        Assert.Equal(new long[] { 1, 16, 16 }, gray.shape);
        var v = gray.data<float>().ToArray();
        Assert.Equal(0f, v[0]);                                  // far outside
        Assert.Equal(1f, v[8 * 16 + 8]);                         // the middle of the white block
        Assert.Contains(v, value => value is > 0.05f and < 0.95f);   // the edge, mixed by shrinking
        // Cut at half, they give the library's own mask of the file.
        var cut = gray.gt(0.5).to_type(ScalarType.Float32).data<float>().ToArray();
        Assert.Equal(ImageTensors.LoadMask(path, 16).data<float>().ToArray(), cut);
    }

    [Fact]
    public void Error_map_paints_false_positives_and_false_negatives_in_different_colours()
    {
        var image = full(3, 4, 4, 0.5f);
        var truth = zeros(1, 4, 4);
        var predicted = zeros(1, 4, 4);
        truth[0, 0, 0] = tensor(1f);         // found
        predicted[0, 0, 0] = tensor(1f);
        predicted[0, 1, 1] = tensor(1f);     // false positive
        truth[0, 2, 2] = tensor(1f);         // false negative

        var picture = ErrorMaps.Draw(image, predicted, truth);
        using var png = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(picture.Png);
        var found = png[0, 0];
        var falsePositive = png[1, 1];
        var falseNegative = png[2, 2];
        var right = png[3, 3];

        Assert.True(falsePositive.R > 150 && falsePositive.B < 50, $"false positive {falsePositive}");
        Assert.True(falseNegative.B > 150 && falseNegative.R < 50, $"false negative {falseNegative}");
        Assert.True(found.G > found.R && found.G > found.B, $"found {found}");
        Assert.True(right.R == right.G && right.G == right.B && right.R < 128, $"background {right}");
        Assert.Throws<ArgumentException>(() => ErrorMaps.Draw(image, zeros(1, 5, 5), truth));
    }

    [Fact]
    public void Lab_unet_is_built_from_the_given_blocks_and_keeps_the_epoch_best_on_validation()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("lab-train"), count: 18, seed: 5);
        var frames = MadsDataset.Load(root);
        var (train, validation) = Split.BySequence(frames, 0.34, seed: 1);
        var (trainImages, trainMasks) = LabFallbacks.LoadFrames(train, 32);
        var (validationImages, validationMasks) = LabFallbacks.LoadFrames(validation, 32);
        int augmented = 0, scored = 0, blocks = 0;
        Seeds.Set(2);
        var model = new LabUNet((b, s, o) => { blocks++; return new LabCheckTests.Decoder(b, s, o); }, widths: [8, 16]);
        Assert.Equal(2, blocks);
        Assert.All(model.Decoder, block => Assert.IsType<LabCheckTests.Decoder>(block));

        LabRun? run = null;
        string printed = Console(() => run = LabTraining.Fit(model, new TrainingOptions { Epochs = 3, BatchSize = 4, LearningRate = 3e-3 },
            trainImages, trainMasks,
            (e, r) => { augmented++; return LabFallbacks.Augment(e, r); },
            validationImages, validationMasks,
            (l, m, t) => { scored++; return LabFallbacks.HeldOutIou(l, m, t); }));

        Assert.Equal(3 * (int)trainImages.shape[0], augmented);   // every example, every epoch
        Assert.Equal(3, scored);                                   // the learner's metric scored every epoch
        Assert.Equal(3, run!.Epochs.Count);
        var best = run.Epochs.MaxBy(e => e.ValidationIou)!;
        Assert.Equal(best.Epoch, run.BestEpoch);
        // The network holds the best epoch's weights: scoring it again gives that epoch's validation IoU.
        Assert.Equal(best.ValidationIou, LabFallbacks.HeldOutIou(run.PredictLogits(validationImages), validationMasks, 0.5), 6);
        Assert.Contains($"best epoch on the validation recordings: {best.Epoch}", printed);
        Assert.Equal(3, printed.Split('\n').Count(line => line.StartsWith("epoch ", StringComparison.Ordinal)));
        Assert.Equal(3, run.Curves().Series.Count);
    }
}
