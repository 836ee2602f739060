using TorchSharp;

namespace Segmentation.Metrics;

/// <summary>
/// Numbers the metrics pass to libtorch, held for the life of the program: a temporary Scalar could be freed
/// by the garbage collector while libtorch still reads it (a TorchSharp 0.107.0 defect).
/// </summary>
static class Scalars
{
    /// <summary>Logit threshold: a logit above 0 is a probability above 0.5.</summary>
    public static readonly Scalar Zero = 0.0.ToScalar();

    /// <summary>Mask threshold: values above 0.5 are object.</summary>
    public static readonly Scalar Half = 0.5.ToScalar();
}
