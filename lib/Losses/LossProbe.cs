using System.Globalization;
using System.Text;
using static TorchSharp.torch;

namespace Segmentation.Losses;

/// <summary>What a loss says about one pixel: its value, and how hard it pushes the logit (the gradient).</summary>
/// <param name="Logit">The pixel's logit z.</param>
/// <param name="Probability">sigmoid(z): the probability of "object" the logit stands for.</param>
/// <param name="Loss">The loss for this one pixel.</param>
/// <param name="Gradient">d loss / d z: how strongly, and which way, training would move the logit (it moves against the sign).</param>
public sealed record LossPoint(double Logit, double Probability, double Loss, double Gradient);

/// <summary>
/// Evaluates losses on a single pixel at chosen logits, with autograd, so that losses can be compared as numbers:
/// where they are large, where they are flat, and which ones stop pushing a wrong pixel towards its label.
/// </summary>
public static class LossProbe
{
    /// <summary>The loss and its gradient for one pixel whose label is <paramref name="target"/>, at each logit.</summary>
    /// <param name="loss">Any loss taking logits and targets shaped [N, 1, H, W] (here [1, 1, 1, 1]).</param>
    /// <param name="target">The pixel's label: 1 object, 0 background.</param>
    /// <param name="logits">The logits to try.</param>
    public static IReadOnlyList<LossPoint> AtLogits(SegmentationLoss loss, double target, params double[] logits)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(logits);
        var points = new List<LossPoint>();
        foreach (double z in logits)
        {
            using var scope = NewDisposeScope();
            var logit = tensor(new[] { (float)z }, [1, 1, 1, 1]).requires_grad_(true);
            var label = tensor(new[] { (float)target }, [1, 1, 1, 1]);
            var value = loss(logit, label);
            value.backward();
            points.Add(new LossPoint(z, 1 / (1 + Math.Exp(-z)), value.item<float>(), logit.grad!.item<float>()));
        }
        return points;
    }

    /// <summary>
    /// A text table with a row per logit: the logit, its probability, then each loss's value and gradient for a
    /// pixel labelled <paramref name="target"/>.
    /// </summary>
    public static string Table(double target, double[] logits, params (string Name, SegmentationLoss Loss)[] losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var columns = losses.Select(l => (l.Name, Points: AtLogits(l.Loss, target, logits))).ToArray();
        const int cell = 10;
        var text = new StringBuilder();
        text.Append($"pixel label y = {target.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append("logit".PadLeft(7)).Append("p(object)".PadLeft(cell));
        foreach (var (name, _) in columns)
            text.Append("  | ").Append((name + " loss").PadLeft(cell + 4)).Append((name + " grad").PadLeft(cell + 4));
        text.Append('\n');
        for (int i = 0; i < logits.Length; i++)
        {
            text.Append(F(logits[i], "F1", 7)).Append(F(columns.Length > 0 ? columns[0].Points[i].Probability : 1 / (1 + Math.Exp(-logits[i])), "F4", cell));
            foreach (var (_, points) in columns)
                text.Append("  | ").Append(F(points[i].Loss, "F4", cell + 4)).Append(F(points[i].Gradient, "F4", cell + 4));
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    static string F(double value, string format, int width) => value.ToString(format, CultureInfo.InvariantCulture).PadLeft(width);
}
