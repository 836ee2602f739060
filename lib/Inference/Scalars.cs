using TorchSharp;

namespace Segmentation.Inference;

/// <summary>
/// Numbers passed to libtorch, held for the life of the program: a temporary Scalar could be freed by the
/// garbage collector while libtorch still reads it (a TorchSharp 0.107.0 defect).
/// </summary>
static class Scalars
{
    /// <summary>Masks: values above one half are object.</summary>
    public static readonly Scalar Half = 0.5.ToScalar();
}
