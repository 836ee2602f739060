using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// What every optimiser of the kit shares: the trainable parameters, the step count, clearing gradients, and saving
/// and restoring the running state (step count, then each state tensor) for exact resumes.
/// Subclasses hold every Scalar they pass to libtorch in a field or a <c>using</c> variable (see <see cref="AdamOptimizer"/>).
/// </summary>
public abstract class OptimizerBase : IOptimizer
{
    int step;

    /// <summary>The parameters this optimiser moves (those that require gradients).</summary>
    protected Parameter[] Parameters { get; }

    /// <summary>1, held for <c>add_(x, alpha: One)</c>: the one-argument <c>add_(x)</c> would make a temporary alpha Scalar.</summary>
    protected Scalar One { get; } = 1.0.ToScalar();

    /// <summary>Takes the trainable parameters among <paramref name="parameters"/>.</summary>
    protected OptimizerBase(IEnumerable<Parameter> parameters, double learningRate)
    {
        Parameters = parameters.Where(p => p.requires_grad).ToArray();
        LearningRate = learningRate;
    }

    /// <inheritdoc/>
    public double LearningRate { get; set; }

    /// <inheritdoc/>
    public int Steps => step;

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>The running state, in the order it is saved (e.g. Adam's first then second moments).</summary>
    protected abstract IEnumerable<Tensor> StateTensors { get; }

    /// <inheritdoc/>
    public void ZeroGrad()
    {
        using var scope = NewDisposeScope();
        foreach (var p in Parameters)
            p.grad?.zero_();
    }

    /// <inheritdoc/>
    public void Step()
    {
        step++;
        using var noGrad = no_grad();
        Update(step);
    }

    /// <summary>Moves the parameters for step number <paramref name="step"/> (1-based); runs without gradient tracking.</summary>
    protected abstract void Update(int step);

    /// <inheritdoc/>
    public void SaveState(BinaryWriter writer)
    {
        writer.Write(step);
        writer.Write(Parameters.Length);
        foreach (var tensor in StateTensors)
            tensor.Save(writer);
    }

    /// <inheritdoc/>
    public void LoadState(BinaryReader reader)
    {
        int steps = reader.ReadInt32();
        int count = reader.ReadInt32();
        if (count != Parameters.Length)
            throw new InvalidDataException($"the saved {Name} state is for {count} parameters, this model has {Parameters.Length}");
        using var noGrad = no_grad();
        foreach (var tensor in StateTensors)
            tensor.Load(reader);
        step = steps;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the state tensors and the held Scalars; subclasses add their own Scalars.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        foreach (var tensor in StateTensors)
            tensor.Dispose();
        One.Dispose();
    }
}
