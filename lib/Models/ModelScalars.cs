using TorchSharp;

namespace Segmentation.Models;

/// <summary>
/// Numbers the models pass to libtorch, held for the life of the program: a Scalar made on the fly (including the
/// hidden alpha of 1 in <c>a + b</c> and one-argument <c>add</c>) can be freed by the garbage collector while libtorch
/// still reads it, a TorchSharp 0.107.0 defect that rarely aborts training.
/// </summary>
static class ModelScalars
{
    /// <summary>1, for <c>add(x, alpha: One)</c>.</summary>
    public static readonly Scalar One = 1.0.ToScalar();
}
