using Segmentation.Losses;
using static TorchSharp.torch;

namespace Lesson.Tests.Losses;

public class LossProbeTests
{
    [Fact]
    public void Bce_for_one_pixel_has_the_textbook_value_and_gradient()
    {
        // For y = 1: loss = log(1 + e^-z), d/dz = sigmoid(z) - 1.
        var points = LossProbe.AtLogits((l, t) => BinaryLosses.BceWithLogits(l, t), 1, -2, 0, 3);

        foreach (var (point, z) in points.Zip(new[] { -2.0, 0, 3 }))
        {
            Assert.Equal(Math.Log(1 + Math.Exp(-z)), point.Loss, 5);
            Assert.Equal(1 / (1 + Math.Exp(-z)) - 1, point.Gradient, 5);
            Assert.Equal(1 / (1 + Math.Exp(-z)), point.Probability, 9);
        }
    }

    [Fact]
    public void The_double_sigmoid_floor_is_log_1_plus_e_to_the_minus_1()
    {
        var point = LossProbe.AtLogits((l, t) => BinaryLosses.BceWithLogits(sigmoid(l), t), 1, 20).Single();

        Assert.Equal(Math.Log(1 + Math.Exp(-1)), point.Loss, 4);
        Assert.Equal(0, point.Gradient, 4);
    }

    [Fact]
    public void The_table_has_a_row_per_logit_and_a_column_pair_per_loss()
    {
        string table = LossProbe.Table(0, [-1, 0, 1], ("BCE", (l, t) => BinaryLosses.BceWithLogits(l, t)), ("Dice", (l, t) => BinaryLosses.SoftDiceWithLogits(l, t)));
        var lines = table.Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.Contains("BCE loss", lines[1]);
        Assert.Contains("Dice grad", lines[1]);
        Assert.Contains("0.6931", lines[3]); // BCE at z = 0 is log 2 whatever the label
    }
}
