using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Samples;
using Segmentation.Inference;
using Segmentation.Losses;
using Segmentation.Metrics;
using Segmentation.Models;
using Segmentation.Training;
using Segmentation.Visualisation;
using static TorchSharp.torch;

namespace Lesson.Tool.Commands;

/// <summary>
/// `lesson bench samples [--dataset ph2|mads] [--seeds 3] [--data DIR] [--pictures DIR] [--json]`: how hard the
/// generated samples are, measured with the lessons' own training settings over several seeds. PH2: notebook 04's
/// SegNet and U-Net (3 epochs each) with the keep-the-largest-region clean-up, and notebook 00's U-Net (8 epochs);
/// MADS: the lab solution's U-Net. The split is the notebooks' (seed 1); each seed sets the starting weights and the
/// batch order. data/README.md quotes these figures; the content tests check the notebooks' own run against them.
/// </summary>
public static class BenchSamplesCommand
{
    const int Size = 128;

    static readonly Option<string> Dataset = CliOptions.Choice("--dataset", TrainingDataChoice.Datasets, "ph2", "dataset", "the generated sample to measure");
    static readonly Option<int> SeedCount = CliOptions.PositiveInt("--seeds", 3, "training runs per network, with seeds 1, 2, ...");
    static readonly Option<string?> Data = CliOptions.Text("--data", "DIR", "the data folder that holds (or will hold) the generated sample (default: the kit's data/)");
    static readonly Option<string?> Pictures = CliOptions.Text("--pictures", "DIR", "also save the best and worst held-out predictions of each run as PNG here");
    static readonly Option<bool> Json = CliOptions.Flag("--json", "print the figures as one JSON line (progress goes to stderr)");

    /// <summary>`lesson bench samples`.</summary>
    public static Command Create()
    {
        var command = new Command("samples", "How hard the generated samples are: the lessons' trainings over several seeds.")
        {
            Dataset, SeedCount, Data, Pictures, Json,
        };
        command.SetAction(Execute);
        return command;
    }

    /// <summary>One training run's held-out figures.</summary>
    sealed record Run(string Setting, int Seed, int Epochs, double Dice, double IoU, double MeanDice, double? CleanedDice, double? CleanedMeanDice,
        double BestDice, double WorstDice, double Seconds);

    static int Execute(ParseResult parsed)
    {
        string dataset = parsed.GetValue(Dataset)!;
        int seeds = parsed.GetValue(SeedCount);
        string dataFolder = parsed.GetValue(Data) ?? DataCommand.DefaultDataFolder();
        string? pictures = parsed.GetValue(Pictures);
        bool json = parsed.GetValue(Json);
        var status = json ? Console.Error : Console.Out;
        if (pictures != null)
            Directory.CreateDirectory(pictures);

        var runs = new List<Run>();
        void Report(Run run)
        {
            runs.Add(run);
            status.WriteLine(
                $"{run.Setting} seed {run.Seed}: Dice {run.Dice:F3}, IoU {run.IoU:F3}, mean Dice per image {run.MeanDice:F3}"
                + (run.CleanedMeanDice is double c ? $" ({c:F3} keeping the largest region; all pixels {run.CleanedDice:F3})" : "")
                + $", per image {run.WorstDice:F2} to {run.BestDice:F2} ({run.Seconds:F0} s)");
        }

        if (dataset == "ph2")
        {
            var cases = Ph2Dataset.Load(Ph2Sample.EnsureDefault(dataFolder));
            // Notebook 04: stratified 10% held out, SegNet and U-Net, 3 epochs each.
            var (train, heldOut) = Split.Stratified(cases, c => c.Diagnosis, validationFraction: 0.1, seed: 1);
            using (var set = HeldOutSet.Load(train, heldOut, heldOut.Select(c => $"{c.Name} ({c.Diagnosis})").ToList()))
                for (int seed = 1; seed <= seeds; seed++)
                    foreach (string model in new[] { "segnet", "unet" })
                        Report(Train(set, $"04 {model}", model, new TrainingOptions { Epochs = 3, BatchSize = 8, LearningRate = 1e-3, Seed = seed },
                            seed, cleanUp: true, pictures));
            // Notebook 00: random 10% held out, U-Net, 8 epochs.
            var (quickTrain, quickHeldOut) = Split.Random(cases, validationFraction: 0.1, seed: 1);
            using (var set = HeldOutSet.Load(quickTrain, quickHeldOut, quickHeldOut.Select(c => c.Name).ToList()))
                for (int seed = 1; seed <= seeds; seed++)
                    Report(Train(set, "00 unet", "unet", new TrainingOptions { Epochs = 8, BatchSize = 8, LearningRate = 1e-3, Seed = seed },
                        seed, cleanUp: false, pictures));
        }
        else
        {
            // The lab solution: 20% of the recordings held out, U-Net, BCE + Dice, 12 epochs at lr 2e-3.
            var frames = MadsDataset.Load(MadsSample.EnsureDefault(dataFolder));
            var (train, heldOut) = Split.BySequence(frames, 0.2, seed: 1);
            using var set = HeldOutSet.Load(train, heldOut, heldOut.Select(f => f.Name).ToList());
            for (int seed = 1; seed <= seeds; seed++)
                Report(Train(set, "lab unet", "unet", new TrainingOptions
                {
                    Loss = LossCatalog.Create("bce-dice"), Epochs = 12, BatchSize = 8, LearningRate = 2e-3, Seed = seed,
                }, seed, cleanUp: false, pictures));
        }

        var summary = runs.GroupBy(r => r.Setting).Select(g => new
        {
            setting = g.Key,
            runs = g.Count(),
            dice = Spread(g.Select(r => r.Dice)),
            iou = Spread(g.Select(r => r.IoU)),
            mean_dice_per_image = Spread(g.Select(r => r.MeanDice)),
            largest_region_gain = g.All(r => r.CleanedMeanDice != null) ? Spread(g.Select(r => r.CleanedMeanDice!.Value - r.MeanDice)) : null,
            worst_image_dice = Spread(g.Select(r => r.WorstDice)),
            best_image_dice = Spread(g.Select(r => r.BestDice)),
        }).ToList();
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new { dataset, size = Size, summary, runs }));
        else
            foreach (var s in summary)
                Console.WriteLine(
                    $"{s.setting}: Dice {s.dice}, IoU {s.iou}, mean Dice per image {s.mean_dice_per_image}"
                    + (s.largest_region_gain is null ? "" : $", largest-region gain {s.largest_region_gain}")
                    + $", worst image {s.worst_image_dice}, best image {s.best_image_dice} ({s.runs} seeds)");
        return 0;
    }

    /// <summary>Mean, sample standard deviation and range of a few runs' figures.</summary>
    sealed record SpreadOf(double Mean, double Sd, double Min, double Max)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Mean:F3} ± {Sd:F3} ({Min:F3}-{Max:F3})");
    }

    static SpreadOf Spread(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        double sd = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return new SpreadOf(Math.Round(mean, 4), Math.Round(sd, 4), Math.Round(list.Min(), 4), Math.Round(list.Max(), 4));
    }

    /// <summary>Training and held-out tensors at <see cref="Size"/>, with a caption per held-out image.</summary>
    sealed record HeldOutSet(Tensor TrainImages, Tensor TrainMasks, Tensor Images, Tensor Masks, IReadOnlyList<string> Captions) : IDisposable
    {
        public static HeldOutSet Load<T>(IReadOnlyList<T> train, IReadOnlyList<T> heldOut, IReadOnlyList<string> captions) where T : ISegmentationPair
        {
            var (trainImages, trainMasks) = ImageTensors.LoadPairs(train.Cast<ISegmentationPair>(), Size);
            var (images, masks) = ImageTensors.LoadPairs(heldOut.Cast<ISegmentationPair>(), Size);
            return new HeldOutSet(trainImages, trainMasks, images, masks, captions);
        }

        public void Dispose()
        {
            foreach (var t in new[] { TrainImages, TrainMasks, Images, Masks })
                t.Dispose();
        }
    }

    static Run Train(HeldOutSet set, string setting, string modelName, TrainingOptions options, int seed, bool cleanUp, string? pictures)
    {
        Seeds.Set(seed);
        using var model = ModelCatalog.Create(modelName);
        using var trainer = new Trainer(model, options);
        var history = trainer.Fit(set.TrainImages, set.TrainMasks, set.Images, set.Masks);
        var last = history[^1];

        using var logits = trainer.PredictLogits(set.Images);
        var perImage = new PerImageCounts();
        perImage.Add(logits, set.Masks);
        using var predicted = trainer.PredictMasks(set.Images);
        double? cleanedDice = null, cleanedMeanDice = null;
        if (cleanUp)
        {
            // Notebook 04's clean-up: keep only the largest predicted region of each image.
            var cleaned = Enumerable.Range(0, (int)predicted.shape[0]).Select(i =>
            {
                var regions = ConnectedComponents.Label(predicted[i]);
                return regions.Count > 1 ? regions.MaskOf(regions.LargestLabel).unsqueeze(0) : predicted[i];
            }).ToList();
            var cleanedCounts = new PerImageCounts();
            using (var stacked = stack(cleaned))
                cleanedCounts.AddPredictions(stacked, set.Masks);
            cleanedDice = cleanedCounts.Total().Dice;
            cleanedMeanDice = cleanedCounts.MeanDice;
        }

        var ranked = Enumerable.Range(0, perImage.Images.Count).OrderByDescending(i => perImage.Images[i].Dice).ToList();
        if (pictures != null)
            foreach (var (name, index) in new[] { ("best", ranked[0]), ("second-best", ranked[1]), ("second-worst", ranked[^2]), ("worst", ranked[^1]) })
                Picture.Row(
                        (set.Captions[index], Picture.FromImageTensor(set.Images[index])),
                        ("true mask", Picture.Overlay(set.Images[index], set.Masks[index])),
                        ($"Dice {perImage.Images[index].Dice:F2}", Picture.Overlay(set.Images[index], predicted[index], SixLabors.ImageSharp.Color.OrangeRed)))
                    .SaveAs(Path.Combine(pictures, $"{setting.Replace(' ', '-')}-seed{seed}-{name}.png"));

        return new Run(setting, seed, history.Count, Math.Round(last.ValidationDice, 4), Math.Round(last.ValidationIoU, 4), Math.Round(perImage.MeanDice, 4),
            cleanedDice is double d ? Math.Round(d, 4) : null, cleanedMeanDice is double m ? Math.Round(m, 4) : null,
            Math.Round(perImage.Images[ranked[0]].Dice, 4), Math.Round(perImage.Images[ranked[^1]].Dice, 4), Math.Round(history.Sum(h => h.Seconds), 1));
    }
}
