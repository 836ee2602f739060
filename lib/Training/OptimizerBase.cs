using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// What every optimiser of the kit shares: the trainable parameters, the step count, clearing gradients, and saving
/// and restoring the running state (step count, then each state tensor) for exact resumes.
/// The parameters and the running state are each kept in one buffer (<see cref="FlatTensor"/>), so a step updates
/// every weight with a few large operations (see <see cref="Pieces"/>).
/// Subclasses hold every Scalar they pass to libtorch in a field or a <c>using</c> variable (see <see cref="AdamOptimizer"/>).
/// </summary>
public abstract class OptimizerBase : IOptimizer
{
    int step;

    /// <summary>The parameters this optimiser moves (those that require gradients).</summary>
    protected Parameter[] Parameters { get; }

    /// <summary>The parameters, moved into one buffer: <c>FlatParameters.Part(i)</c> is <c>Parameters[i]</c>.</summary>
    protected FlatTensor FlatParameters { get; }

    /// <summary>1, held for <c>add_(x, alpha: One)</c>: the one-argument <c>add_(x)</c> would make a temporary alpha Scalar.</summary>
    protected Scalar One { get; } = 1.0.ToScalar();

    /// <summary>Takes the trainable parameters among <paramref name="parameters"/> and moves them into one buffer.</summary>
    protected OptimizerBase(IEnumerable<Parameter> parameters, double learningRate)
    {
        Parameters = parameters.Where(p => p.requires_grad).ToArray();
        FlatParameters = FlatTensor.Gather(Parameters);
        LearningRate = learningRate;
    }

    /// <inheritdoc/>
    public double LearningRate { get; set; }

    /// <inheritdoc/>
    public int Steps => step;

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <summary>The running state, in the order it is saved (e.g. Adam's first then second moments), one tensor per parameter.</summary>
    protected abstract IEnumerable<Tensor> StateTensors { get; }

    /// <summary>Running state laid out like the parameters, starting at zero (e.g. Adam's moments).</summary>
    protected FlatTensor NewState() => FlatTensor.ZerosLike(FlatParameters);

    /// <inheritdoc/>
    /// <remarks>Gradients are removed rather than filled with zeros: the next backward pass then stores its
    /// gradients as they are, instead of adding them to zeros (as PyTorch does by default since 2.0).</remarks>
    public void ZeroGrad()
    {
        foreach (var p in Parameters)
            p.grad = null;
    }

    /// <inheritdoc/>
    public void Step()
    {
        step++;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        Update(step);
    }

    /// <summary>Moves the parameters for step number <paramref name="step"/> (1-based); runs without gradient tracking.</summary>
    protected abstract void Update(int step);

    /// <summary>
    /// What one update works on, with the index to pass to <see cref="FlatTensor.Part"/>: every parameter at once
    /// (index -1, the gradients gathered into one tensor) when all have a gradient; otherwise each parameter that has
    /// one. A parameter without a gradient (unused by the last forward pass) is left as it is, as in PyTorch.
    /// Call it inside <see cref="Update"/>: the gathered gradient belongs to the step.
    /// </summary>
    protected IEnumerable<(Tensor Parameter, Tensor Gradient, int Index)> Pieces()
    {
        var gradients = Parameters.Select(p => p.grad).ToArray();
        if (FlatParameters.Whole is Tensor whole && gradients.All(g => g is not null))
        {
            yield return (whole, cat(gradients.Select(g => g!.flatten()).ToList(), 0), -1);
            yield break;
        }
        for (int i = 0; i < Parameters.Length; i++)
            if (gradients[i] is Tensor gradient)
                yield return (Parameters[i], gradient, i);
    }

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

    /// <summary>Frees the held Scalars and the parameters' buffer handle (the parameters keep their values); subclasses free their state.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        FlatParameters.Dispose();
        One.Dispose();
    }
}
