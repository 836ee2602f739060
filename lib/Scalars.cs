using TorchSharp;

namespace Segmentation;

/// <summary>
/// The numbers the library passes to libtorch, held for the life of the program, in one place. A number converted to
/// a Scalar on the fly can be freed by the garbage collector while libtorch still reads it (a TorchSharp 0.107.0 defect
/// that rarely aborts training), so lib code never lets that conversion happen implicitly: it uses these, or a
/// <c>using var s = value.ToScalar();</c> that lives as long as the call. Beware that <c>a + b</c>, <c>1 - a</c> and
/// the one-argument <c>add</c> overloads also make a hidden Scalar (an alpha of 1) inside TorchSharp: call
/// <c>add(x, alpha: Scalars.One)</c> instead. Every namespace of the library finds this class by its short name.
/// </summary>
static class Scalars
{
    /// <summary>0. Also the logit threshold: a logit above 0 is a probability above 0.5.</summary>
    public static readonly Scalar Zero = 0.0.ToScalar();

    /// <summary>0.5, the mask threshold: values above it are object.</summary>
    public static readonly Scalar Half = 0.5.ToScalar();

    /// <summary>1, e.g. for <c>add(x, alpha: One)</c>.</summary>
    public static readonly Scalar One = 1.0.ToScalar();

    /// <summary>2.</summary>
    public static readonly Scalar Two = 2.0.ToScalar();

    /// <summary>3.</summary>
    public static readonly Scalar Three = 3.0.ToScalar();

    /// <summary>6.</summary>
    public static readonly Scalar Six = 6.0.ToScalar();

    /// <summary>The integer 1, for integer tensors (libtorch refuses a floating-point alpha on them), e.g. a step counter.</summary>
    public static readonly Scalar IntegerOne = 1L.ToScalar();

    /// <summary>1/255: turns byte pixel values into 0..1.</summary>
    public static readonly Scalar ByteToUnit = (1.0 / 255).ToScalar();
}
