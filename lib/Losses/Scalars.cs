using TorchSharp;

namespace Segmentation.Losses;

/// <summary>
/// Numbers the losses pass to libtorch, held for the life of the program. A number converted to a Scalar
/// on the fly can be freed by the garbage collector while libtorch still reads it (a TorchSharp 0.107.0
/// defect that rarely aborts training), so lib code never lets that conversion happen implicitly.
/// Beware that <c>a + b</c>, <c>1 - a</c> and the one-argument <c>add</c> overloads also make a hidden Scalar
/// (an alpha of 1) inside TorchSharp: call <c>add(x, alpha: Scalars.One)</c> instead.
/// </summary>
static class Scalars
{
    public static readonly Scalar One = 1.0.ToScalar();
    public static readonly Scalar Two = 2.0.ToScalar();
}
