using TorchSharp;
using static TorchSharp.torch;

namespace Segmentation.Losses;

public static partial class BinaryLosses
{
    /// <summary>
    /// BCE + Dice from LOGITS: <paramref name="bceWeight"/> * <see cref="BceWithLogits"/> +
    /// <paramref name="diceWeight"/> * <see cref="SoftDiceWithLogits"/>. BCE gives every pixel a steady gradient,
    /// Dice rewards overlap on small objects; the sum is a common default for medical masks.
    /// </summary>
    /// <param name="logits">Model output, [N, 1, H, W].</param>
    /// <param name="masks">Targets of the same shape, 0 or 1.</param>
    /// <param name="bceWeight">Weight of the BCE term (default 1).</param>
    /// <param name="diceWeight">Weight of the Dice term (default 1).</param>
    /// <param name="smooth">Dice's smooth term (default 1), see <see cref="SoftDiceWithLogits"/>.</param>
    /// <exception cref="ArgumentException">Shapes differ, or mask values lie outside 0..1.</exception>
    public static Tensor BceDiceWithLogits(Tensor logits, Tensor masks, double bceWeight = 1.0, double diceWeight = 1.0, double smooth = 1.0)
    {
        using var scope = NewDisposeScope();
        using var bceScale = bceWeight.ToScalar();
        using var diceScale = diceWeight.ToScalar();
        var bce = BceWithLogits(logits, masks).mul(bceScale);
        var dice = SoftDiceWithLogits(logits, masks, smooth).mul(diceScale);
        return bce.add(dice, alpha: Scalars.One).MoveToOuterDisposeScope();  // not bce + dice: see Scalars
    }
}
