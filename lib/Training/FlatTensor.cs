using static TorchSharp.torch;

namespace Segmentation.Training;

/// <summary>
/// One tensor holding a value for every parameter, end to end, with a view shaped like each parameter
/// (<see cref="Part"/>). The optimisers keep their parameters and running state this way so that one update is a
/// handful of operations on a few million numbers instead of a handful per parameter: each libtorch operation has a
/// fixed cost (and on several threads, a wake-up of every thread), which the small tensors of a model pay many times.
/// </summary>
public sealed class FlatTensor : IDisposable
{
    readonly Tensor[] parts;
    readonly bool ownsParts;

    FlatTensor(Tensor? whole, Tensor[] parts, bool ownsParts)
    {
        Whole = whole;
        this.parts = parts;
        this.ownsParts = ownsParts;
    }

    /// <summary>Every value, as one 1-D tensor; null when the parts could not share a buffer (then each part is separate).</summary>
    public Tensor? Whole { get; }

    /// <summary>How many parameters it covers.</summary>
    public int Count => parts.Length;

    /// <summary>The view of parameter <paramref name="index"/>, or <see cref="Whole"/> for index -1.</summary>
    public Tensor Part(int index) => index < 0 ? Whole ?? throw new InvalidOperationException("these tensors share no buffer") : parts[index];

    /// <summary>The views, in parameter order (what checkpoints save, so their format does not depend on the layout).</summary>
    public IEnumerable<Tensor> Parts => parts;

    /// <summary>Zeros laid out like <paramref name="shapesOf"/>, on its device and of its type.</summary>
    public static FlatTensor ZerosLike(FlatTensor shapesOf)
    {
        if (shapesOf.Whole is null)
            return new FlatTensor(null, shapesOf.parts.Select(p => zeros_like(p)).ToArray(), ownsParts: true);
        var whole = zeros_like(shapesOf.Whole);
        return new FlatTensor(whole, Views(whole, shapesOf.parts), ownsParts: true);
    }

    /// <summary>
    /// Moves <paramref name="tensors"/> into one buffer: each keeps its values and its identity (model code holding it
    /// sees no difference), but its storage becomes part of <see cref="Whole"/>. Tensors of different devices or types
    /// cannot share a buffer: they are left as they are, and <see cref="Whole"/> is null.
    /// </summary>
    public static FlatTensor Gather(IReadOnlyList<Tensor> tensors)
    {
        if (tensors.Count == 0 || tensors.Any(t => t.dtype != tensors[0].dtype || t.device != tensors[0].device))
            return new FlatTensor(null, tensors.ToArray(), ownsParts: false);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var whole = cat(tensors.Select(t => t.detach().flatten()).ToList(), 0).MoveToOuterDisposeScope();
        foreach (var (tensor, view) in tensors.Zip(Views(whole, tensors)))
        {
            tensor.set_(view);   // the parameter now reads and writes its slice of the buffer
            view.Dispose();
        }
        return new FlatTensor(whole, tensors.ToArray(), ownsParts: false);
    }

    static Tensor[] Views(Tensor whole, IReadOnlyList<Tensor> shapes)
    {
        var views = new Tensor[shapes.Count];
        long offset = 0;
        for (int i = 0; i < shapes.Count; i++)
        {
            long count = shapes[i].numel();
            using var slice = whole.narrow(0, offset, count);
            views[i] = slice.view(shapes[i].shape);
            offset += count;
        }
        return views;
    }

    /// <summary>Frees the buffer and the views (not tensors handed to <see cref="Gather"/>: their owners free them).</summary>
    public void Dispose()
    {
        if (ownsParts)
            foreach (var part in parts)
                part.Dispose();
        Whole?.Dispose();
    }
}
