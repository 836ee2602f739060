using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Pose;

/// <summary>
/// Trains a network with one output channel per joint to reproduce heatmaps: Adam and binary cross-entropy
/// of the logits against the Gaussian targets, on the CPU, shuffled batches.
/// </summary>
public static class HeatmapTraining
{
    /// <summary>Trains <paramref name="model"/> and reports each epoch's mean loss and duration in seconds.</summary>
    public static void Fit(nn.Module<Tensor, Tensor> model, Tensor images, Tensor heatmaps, int epochs, int batchSize = 8,
        double learningRate = 2e-3, int seed = 1, Action<int, double, double>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(heatmaps);
        using var optimizer = optim.Adam(model.parameters(), lr: learningRate);
        var random = new Random(seed);
        int count = (int)images.shape[0];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            var order = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Select(i => (long)i).ToArray();
            double lossSum = 0;
            for (int start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                using var indices = tensor(order.Skip(start).Take(batchSize).ToArray());
                var logits = model.call(images.index_select(0, indices));
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, heatmaps.index_select(0, indices));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * indices.shape[0];
            }
            onEpoch?.Invoke(epoch, lossSum / count, clock.Elapsed.TotalSeconds);
        }
    }

    /// <summary>The joints the model finds in <paramref name="images"/>: each output heatmap's maximum.</summary>
    public static float[,,] Predict(nn.Module<Tensor, Tensor> model, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        return Heatmaps.Maxima(model.call(images));
    }
}
