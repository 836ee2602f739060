namespace Lesson.Tests.Lab;

/// <summary>
/// Plausible wrong answers to every lab exercise, as a learner would write them in the exercise cell, each with the
/// words its check must answer with. Two sets per notebook: <see cref="LabWrongWorkTests"/> runs the learner notebook
/// with each set in place of the exercise cells.
/// </summary>
internal static class WrongWork
{
    public sealed record Answer(int Exercise, string What, string Code, string Expected);

    public static readonly Answer[] BodySegmentation =
    [
        new(1, "masks left as gray levels", """
            (Tensor Images, Tensor Masks) LoadFrames(IReadOnlyList<MadsFrame> frames, int size) =>
                (stack(frames.Select(f => ImageTensors.LoadImage(f.ImagePath, size)).ToList()), stack(frames.Select(f => ImageTensors.LoadGrayLevels(f.MaskPath, size)).ToList()));
            """, "threshold the gray levels"),
        new(1, "any gray counted as person", """
            (Tensor Images, Tensor Masks) LoadFrames(IReadOnlyList<MadsFrame> frames, int size) =>
                (stack(frames.Select(f => ImageTensors.LoadImage(f.ImagePath, size)).ToList()),
                 stack(frames.Select(f => ImageTensors.LoadGrayLevels(f.MaskPath, size).gt(0.0).to_type(ScalarType.Float32)).ToList()));
            """, "more person pixels than the mask files"),
        new(2, "a random share of frames: recordings leak", """
            (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> HeldOut) SplitFrames(IReadOnlyList<MadsFrame> frames, double fraction)
            {
                var random = new Random(1);
                var shuffled = frames.OrderBy(_ => random.Next()).ToList();
                int count = (int)Math.Round(frames.Count * fraction);
                return (shuffled.Skip(count).ToList(), shuffled.Take(count).ToList());
            }
            """, "have frames on both sides"),
        new(2, "whole recordings, a new shuffle each run", """
            (IReadOnlyList<MadsFrame> Train, IReadOnlyList<MadsFrame> HeldOut) SplitFrames(IReadOnlyList<MadsFrame> frames, double fraction)
            {
                var random = new Random();
                var recordings = frames.Select(f => f.SequenceKey).Distinct().OrderBy(_ => random.Next()).ToList();
                var heldOut = recordings.Take(Math.Max(1, (int)Math.Round(recordings.Count * fraction))).ToHashSet();
                return (frames.Where(f => !heldOut.Contains(f.SequenceKey)).ToList(), frames.Where(f => heldOut.Contains(f.SequenceKey)).ToList());
            }
            """, "different answer each time it runs"),
        new(3, "the flip applied to the image only", """
            (Tensor Image, Tensor Mask) Augment((Tensor Image, Tensor Mask) example, Random random) =>
                random.NextDouble() < 0.5 ? (example.Image.flip(2), example.Mask.clone()) : (example.Image.clone(), example.Mask.clone());
            """, "no longer line up"),
        new(3, "brightness applied to the mask too", """
            (Tensor Image, Tensor Mask) Augment((Tensor Image, Tensor Mask) example, Random random)
            {
                var (image, mask) = random.NextDouble() < 0.5 ? (example.Image.flip(2), example.Mask.flip(2)) : (example.Image, example.Mask);
                double brightness = 0.8 + 0.4 * random.NextDouble();
                return (image.mul(brightness).clamp(0, 1), mask.mul(brightness).clamp(0, 1));
            }
            """, "mask values between 0 and 1"),
        new(4, "IoU averaged per image", """
            double Overlap(Tensor p, Tensor t) => p.mul(t).sum().item<float>();
            double Iou(Tensor predicted, Tensor truth) => Enumerable.Range(0, (int)predicted.shape[0]).Average(i =>
            {
                double both = Overlap(predicted[i], truth[i]), union = predicted[i].sum().item<float>() + truth[i].sum().item<float>() - both;
                return union == 0 ? 1.0 : both / union;
            });
            double Dice(Tensor predicted, Tensor truth)
            {
                double both = Overlap(predicted, truth), total = predicted.sum().item<float>() + truth.sum().item<float>();
                return total == 0 ? 1.0 : 2 * both / total;
            }
            """, "your IoU averages the images' scores"),
        new(4, "no guard for two empty masks", """
            double Iou(Tensor predicted, Tensor truth)
            {
                double both = predicted.mul(truth).sum().item<float>();
                return both / (predicted.sum().item<float>() + truth.sum().item<float>() - both);
            }
            double Dice(Tensor predicted, Tensor truth) => 2 * predicted.mul(truth).sum().item<float>() / (predicted.sum().item<float>() + truth.sum().item<float>());
            """, "guard the division by zero"),
        new(5, "IoU averaged per image, when pooled was asked", """
            double HeldOutIou(Tensor logits, Tensor masks, double threshold) => Enumerable.Range(0, (int)logits.shape[0]).Average(i =>
            {
                var found = logits[i].sigmoid().gt(threshold).to_type(ScalarType.Float32);
                double both = found.mul(masks[i]).sum().item<float>(), union = found.sum().item<float>() + masks[i].sum().item<float>() - both;
                return union == 0 ? 1.0 : both / union;
            });
            """, "averages the images' scores"),
        new(5, "logits compared with a probability", """
            double HeldOutIou(Tensor logits, Tensor masks, double threshold)
            {
                var found = logits.gt(threshold).to_type(ScalarType.Float32);
                double both = found.mul(masks).sum().item<float>(), union = found.sum().item<float>() + masks.sum().item<float>() - both;
                return union == 0 ? 1.0 : both / union;
            }
            """, "as if the logits were compared with the threshold itself"),
        new(6, "a decoder that drops the skip connection", """
            class DecoderBlock : nn.Module<Tensor, Tensor, Tensor>
            {
                readonly nn.Module<Tensor, Tensor> upsample = nn.Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false);
                readonly nn.Module<Tensor, Tensor> conv;
                public DecoderBlock(long belowChannels, long skipChannels, long outChannels) : base(nameof(DecoderBlock))
                {
                    conv = new ConvBlock(belowChannels, outChannels);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor below, Tensor skip) => conv.call(upsample.call(below));
            }
            """, "the skip connection is lost"),
        new(6, "a decoder that never upsamples", """
            class DecoderBlock : nn.Module<Tensor, Tensor, Tensor>
            {
                readonly nn.Module<Tensor, Tensor> conv;
                public DecoderBlock(long belowChannels, long skipChannels, long outChannels) : base(nameof(DecoderBlock))
                {
                    conv = new ConvBlock(belowChannels + skipChannels, outChannels);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor below, Tensor skip) => conv.call(cat([below, skip], dim: 1));
            }
            """, "before it can join the skip"),
        new(7, "a loss for class ids", """
            TrainingOptions? options = new TrainingOptions { Loss = LossCatalog.Create("cross-entropy"), Epochs = 10, BatchSize = 8, LearningRate = 1e-3 };
            """, "it was given logits [1, 1, 8, 8] and a 0/1 mask"),
        new(7, "a learning rate that blows up", """
            TrainingOptions? options = new TrainingOptions { Loss = LossCatalog.Create("bce"), Epochs = 10, BatchSize = 8, LearningRate = 0.5 };
            """, "LearningRate = 0.5"),
        new(8, "the best images instead of the worst", """
            int[] WorstImages(Tensor predicted, Tensor masks, int count)
            {
                var scores = Enumerable.Range(0, (int)predicted.shape[0]).Select(i => LabFallbacks.Iou(predicted[i], masks[i])).ToArray();
                return Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).Take(count).ToArray();
            }
            """, "sort by IoU from lowest to highest"),
        new(8, "an empty image scored 0", """
            int[] WorstImages(Tensor predicted, Tensor masks, int count)
            {
                var scores = Enumerable.Range(0, (int)predicted.shape[0]).Select(i =>
                {
                    double both = predicted[i].mul(masks[i]).sum().item<float>(), union = predicted[i].sum().item<float>() + masks[i].sum().item<float>() - both;
                    return union == 0 ? 0.0 : both / union;
                }).ToArray();
                return Enumerable.Range(0, scores.Length).OrderBy(i => scores[i]).Take(count).ToArray();
            }
            """, "its IoU is 1"),
        new(9, "every region counted, specks too", """
            int CountPeople(Tensor mask) => ConnectedComponents.Label(mask).Count;
            """, "Specks of a few pixels are noise"),
        new(9, "runs along a row counted", """
            int CountPeople(Tensor mask)
            {
                var v = mask.reshape(-1).data<float>().ToArray();
                int width = (int)mask.shape[^1], most = 0;
                for (int y = 0; y < v.Length / width; y++)
                    most = Math.Max(most, Enumerable.Range(0, width).Count(x => v[y * width + x] == 1 && (x == 0 || v[y * width + x - 1] == 0)));
                return most;
            }
            """, "however it bends"),
    ];

    public static readonly Answer[] PoseChallenge =
    [
        new(1, "x and y swapped", """
            Tensor RenderHeatmaps(float[,,] joints, int size, float sigma)
            {
                int n = joints.GetLength(0), count = joints.GetLength(1);
                var values = new float[n * count * size * size];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < count; j++)
                        for (int y = 0; y < size; y++)
                            for (int x = 0; x < size; x++)
                            {
                                float dx = y - joints[i, j, 0], dy = x - joints[i, j, 1];
                                values[((i * count + j) * size + y) * size + x] = MathF.Exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
                            }
                return tensor(values).reshape(n, count, size, size);
            }
            """, "x and y are swapped"),
        new(1, "the width without its 2", """
            Tensor RenderHeatmaps(float[,,] joints, int size, float sigma)
            {
                int n = joints.GetLength(0), count = joints.GetLength(1);
                var values = new float[n * count * size * size];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < count; j++)
                        for (int y = 0; y < size; y++)
                            for (int x = 0; x < size; x++)
                            {
                                float dx = x - joints[i, j, 0], dy = y - joints[i, j, 1];
                                values[((i * count + j) * size + y) * size + x] = MathF.Exp(-(dx * dx + dy * dy) / (sigma * sigma));
                            }
                return tensor(values).reshape(n, count, size, size);
            }
            """, "-d² / (2·sigma²)"),
        new(2, "two widths", "float[]? sigmas = [1f, 2f];", "try at least three"),
        new(2, "widths too close", "float[]? sigmas = [1f, 1.25f, 1.5f];", "spread them wider"),
        new(3, "squared error of the logits", "Tensor MseHeatmapLoss(Tensor logits, Tensor heatmaps) => logits.sub(heatmaps).square().mean();", "compare sigmoid(logits) with them"),
        new(3, "a sum, not a mean", "Tensor MseHeatmapLoss(Tensor logits, Tensor heatmaps) => logits.sigmoid().sub(heatmaps).square().sum();", "average them over all pixels"),
        new(4, "the basic skeleton, no elbows or knees", "Skeleton WithElbowsAndKnees() => Skeleton.Basic;", "lacks left elbow"),
        new(4, "hands and feet still hanging from neck and hips", """
            Skeleton WithElbowsAndKnees() => new(Enum.GetValues<BodyPart>(), Skeleton.Basic.Bones.Concat(new[]
            {
                (BodyPart.Neck, BodyPart.LeftElbow), (BodyPart.Neck, BodyPart.RightElbow), (BodyPart.Hips, BodyPart.LeftKnee), (BodyPart.Hips, BodyPart.RightKnee),
            }).ToList());
            """, "it hangs from the left elbow"),
        new(5, "only the brightest pixel", "IReadOnlyList<(int X, int Y)> FindPeaks(Tensor heatmap, double threshold) => PoseRun.Brightest(heatmap);", "A frame can hold several people"),
        new(5, "every pixel above the threshold", """
            IReadOnlyList<(int X, int Y)> FindPeaks(Tensor heatmap, double threshold)
            {
                var v = heatmap.contiguous().data<float>().ToArray();
                int width = (int)heatmap.shape[1];
                return Enumerable.Range(0, v.Length).Where(p => v[p] > threshold).Select(p => (p % width, p / width)).ToList();
            }
            """, "keep only a pixel larger than its neighbours"),
        new(6, "too many people", "PoseTrainingPlan? plan = new() { Scenes = PoseScenes.Hard, People = 5000, Epochs = 10 };", "People = 5000"),
        new(6, "a network of one level", "PoseTrainingPlan? plan = new() { Scenes = PoseScenes.Hard, People = 640, Epochs = 10, Widths = [16] };", "Widths = [16]"),
    ];
}
