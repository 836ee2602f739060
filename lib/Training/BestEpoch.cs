using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// Keeps, in memory, a copy of the weights from the epoch with the best validation Dice, so a run can end with the
/// model its <b>validation</b> set chose rather than its last epoch (the test set never takes part in the choice).
/// </summary>
/// <example>
/// <code>
/// var best = new BestEpoch(model);
/// trainer.Fit(trainImages, trainMasks, validationImages, validationMasks, onEpoch: best.Track);
/// best.Restore();   // the model now holds the weights of epoch best.Epoch
/// </code>
/// </example>
public sealed class BestEpoch : IDisposable
{
    readonly nn.Module<Tensor, Tensor> model;
    Dictionary<string, Tensor>? weights;

    /// <summary>Watches <paramref name="model"/>, the network a <see cref="Trainer"/> trains.</summary>
    public BestEpoch(nn.Module<Tensor, Tensor> model) => this.model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The epoch with the highest validation Dice so far (the first of equals); 0 before any epoch.</summary>
    public int Epoch { get; private set; }

    /// <summary>That epoch's validation Dice; NaN before any epoch.</summary>
    public double ValidationDice { get; private set; } = double.NaN;

    /// <summary>Give this to <c>Trainer.Fit</c>'s <c>onEpoch</c>: copies the weights when <paramref name="result"/> beats the best so far.</summary>
    public void Track(EpochResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Epoch > 0 && !(result.ValidationDice > ValidationDice))
            return;
        Epoch = result.Epoch;
        ValidationDice = result.ValidationDice;
        DisposeWeights();
        using var noGrad = no_grad();
        weights = model.state_dict().ToDictionary(entry => entry.Key, entry => entry.Value.detach().clone());
    }

    /// <summary>Puts the best epoch's weights back into the model.</summary>
    /// <exception cref="InvalidOperationException">No epoch was tracked yet.</exception>
    public void Restore()
    {
        if (weights is null)
            throw new InvalidOperationException("No epoch was tracked: pass best.Track as Trainer.Fit's onEpoch before calling Restore.");
        using var noGrad = no_grad();
        foreach (var (name, value) in model.state_dict())
            value.copy_(weights[name]);
    }

    void DisposeWeights()
    {
        if (weights is null)
            return;
        foreach (var tensor in weights.Values)
            tensor.Dispose();
        weights = null;
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeWeights();
}
