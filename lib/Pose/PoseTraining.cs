using System.Globalization;
using Segmentation.Losses;
using Segmentation.Models;
using Segmentation.Training;
using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>
/// One pose experiment in one call, for the challenge's cells: heatmaps of the training people (drawn by a given
/// renderer, every person of a frame in the same map), a U-Net with one output per joint trained on them, validation
/// PCK after every epoch, and one line saying what it reached.
/// </summary>
public static class PoseTraining
{
    /// <summary>Trains a pose U-Net on <paramref name="train"/> and returns the run.</summary>
    /// <param name="train">The people to train on.</param>
    /// <param name="validation">People to watch PCK on after each epoch (never trained on).</param>
    /// <param name="skeleton">Which joints to find: one heatmap each.</param>
    /// <param name="sigma">The heatmaps' width in pixels.</param>
    /// <param name="render">Draws heatmaps [N, J, size, size] from joints [N, J, 2] (the library's <see cref="Heatmaps.Render(float[,,], int, float)"/> if null).</param>
    /// <param name="loss">Compares logits with heatmaps (binary cross-entropy with logits if null).</param>
    /// <param name="lossName">The loss's name in the summary line.</param>
    /// <param name="widths">The U-Net's encoder widths (16, 32, 64 if null).</param>
    /// <param name="epochs">Passes over the training people.</param>
    /// <param name="pckPixels">The distance PCK counts within, for validation.</param>
    public static PoseRun Fit(PoseSample train, PoseSample validation, Skeleton skeleton, float sigma,
        Func<float[,,], int, float, Tensor>? render = null, SegmentationLoss? loss = null, string lossName = "BCE",
        IReadOnlyList<long>? widths = null, int epochs = 8, double pckPixels = 4)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(skeleton);
        int size = (int)train.Images.shape[^1];
        var heatmaps = Render(train, skeleton, size, sigma, render ?? ((joints, s, width) => Heatmaps.Render(joints, s, width)));
        Seeds.Set(1);
        var model = new UNet(classes: skeleton.Count, widths: (widths ?? [16, 32, 64]).ToArray());
        // On several people per frame the brightest pixel of a map finds one of them: validate on the first person's joints.
        var history = HeatmapTraining.Fit(model, train.Images, heatmaps, epochs, batchSize: 16, learningRate: 3e-3,
            validationImages: validation.Images, validationJoints: skeleton.Select(validation.Joints), pckPixels: pckPixels, loss: loss);
        var run = new PoseRun(model, skeleton, sigma, lossName, history, pckPixels);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, PoseText.RunSummary, run.Name, epochs, pckPixels, history[^1].Pck,
            history.Sum(e => e.Seconds)));
        return run;
    }

    /// <summary>Heatmaps of every person of every frame: the renderer is run once per person slot and the maps merged (the larger value wins).</summary>
    static Tensor Render(PoseSample sample, Skeleton skeleton, int size, float sigma, Func<float[,,], int, float, Tensor> render)
    {
        var people = sample.PeopleOf(skeleton);
        int slots = people.Max(p => p.GetLength(0));
        Tensor? merged = null;
        for (int slot = 0; slot < slots; slot++)
        {
            var joints = new float[people.Count, skeleton.Count, 2];
            for (int i = 0; i < people.Count; i++)
                for (int j = 0; j < skeleton.Count; j++)
                    for (int c = 0; c < 2; c++)
                        // A frame with fewer people gets a joint far outside the picture: its bump never reaches a pixel.
                        joints[i, j, c] = slot < people[i].GetLength(0) ? people[i][slot, j, c] : -1000f;
            var maps = render(joints, size, sigma);
            merged = merged is null ? maps : maximum(merged, maps);
        }
        return merged!;
    }
}

/// <summary>A trained pose network with what it was trained for, and ways to score and show it.</summary>
public sealed class PoseRun
{
    internal PoseRun(UNet model, Skeleton skeleton, float sigma, string lossName, IReadOnlyList<PoseEpoch> history, double pckPixels)
    {
        Model = model;
        Skeleton = skeleton;
        Sigma = sigma;
        LossName = lossName;
        History = history;
        PckPixels = pckPixels;
    }

    /// <summary>The trained network: one logit map per joint of <see cref="Skeleton"/>.</summary>
    public UNet Model { get; }

    /// <summary>The joints it finds.</summary>
    public Skeleton Skeleton { get; }

    /// <summary>The heatmaps' width it was trained with.</summary>
    public float Sigma { get; }

    /// <summary>The loss's name.</summary>
    public string LossName { get; }

    /// <summary>Every epoch: loss, validation PCK, time.</summary>
    public IReadOnlyList<PoseEpoch> History { get; }

    /// <summary>The distance validation PCK counted within.</summary>
    public double PckPixels { get; }

    /// <summary>Validation PCK after the last epoch.</summary>
    public double ValidationPck => History[^1].Pck ?? double.NaN;

    /// <summary>A short name: "sigma 1.5, BCE, 7 joints".</summary>
    public string Name => string.Format(CultureInfo.InvariantCulture, PoseText.RunName, Sigma, LossName, Skeleton.Count);

    /// <summary>The network's heatmaps for <paramref name="images"/> as probabilities [N, J, H, W] (sigmoid of the logits).</summary>
    public Tensor Heatmaps(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        using var noGrad = no_grad();
        Model.eval();
        return Model.call(images).sigmoid();
    }

    /// <summary>The joints found in <paramref name="images"/>: each heatmap's brightest pixel, [N, J, 2].</summary>
    public float[,,] Predict(Tensor images) => HeatmapTraining.Predict(Model, images);

    /// <summary>PCK on <paramref name="sample"/>'s first person per frame, within <paramref name="pixels"/>.</summary>
    public double Pck(PoseSample sample, double pixels)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return Pose.Heatmaps.Pck(Predict(sample.Images), Skeleton.Select(sample.Joints), pixels);
    }

    /// <summary>PCK per joint on <paramref name="sample"/>, as "name PCK" lines.</summary>
    public string PckByJoint(PoseSample sample, double pixels)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var found = Predict(sample.Images);
        var truth = Skeleton.Select(sample.Joints);
        return string.Join(Environment.NewLine, Skeleton.Parts.Select((part, j) =>
            string.Format(CultureInfo.InvariantCulture, PoseText.JointPck, Pose.Skeleton.NameOf(part), pixels, Pose.Heatmaps.Pck(found, truth, pixels, j))));
    }

    /// <summary>
    /// PCK over every person of every frame when each joint is read as the points <paramref name="read"/> finds in its
    /// heatmap (probabilities [H, W]), with the number of found points that match nobody.
    /// </summary>
    public (double Pck, int FalseAlarms) PckOfEveryone(PoseSample sample, double pixels, Func<Tensor, IReadOnlyList<(int X, int Y)>> read)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(read);
        using var scope = NewDisposeScope();
        var maps = Heatmaps(sample.Images);
        var found = Enumerable.Range(0, sample.Count)
            .Select(i => Enumerable.Range(0, Skeleton.Count).Select(j => read(maps[i, j])).ToArray())
            .ToList();
        return Pose.Heatmaps.Pck(found, sample.PeopleOf(Skeleton), pixels);
    }

    /// <summary>The brightest pixel of a heatmap [H, W], as the only point found: what reading a map by its maximum does.</summary>
    public static IReadOnlyList<(int X, int Y)> Brightest(Tensor heatmap)
    {
        ArgumentNullException.ThrowIfNull(heatmap);
        long at = heatmap.argmax().item<long>(), width = heatmap.shape[^1];
        return [((int)(at % width), (int)(at / width))];
    }

    /// <summary>Validation PCK, epoch by epoch, of several runs in one chart (one line each) above their training losses.</summary>
    public static TrainingCurves Compare(string title, params PoseRun[] runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = new List<CurveSeries>();
        foreach (var run in runs)
        {
            string colour = TrainingCurves.Palette[series.Count / 2 % TrainingCurves.Palette.Count];
            var epochs = run.History.Select(e => e.Epoch).ToArray();
            series.Add(new CurveSeries(run.Name + " " + PoseText.TrainingLoss, TrainingCurves.LossPanel, epochs, run.History.Select(e => e.Loss).ToArray(), colour));
            series.Add(new CurveSeries(run.Name + " " + string.Format(CultureInfo.InvariantCulture, PoseText.ValidationPckAt, run.PckPixels),
                TrainingCurves.ScorePanel, epochs, run.History.Select(e => e.Pck ?? double.NaN).ToArray(), colour));
        }
        return TrainingCurves.FromSeries(title, "PCK", series.ToArray());
    }
}
