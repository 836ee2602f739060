using static TorchSharp.torch;

namespace Segmentation.Exercises;

/// <summary>Shared helpers of the lab checks: hand-made tensors, safe calls of the learner's code, readable numbers.</summary>
internal static class LabCheckTools
{
    public const string NotImplemented =
        "not implemented yet: replace the `throw new NotImplementedException()` with your code, then run this check again.";

    /// <summary>Runs the learner's code; on an exception, returns the message to show instead of a value.</summary>
    public static (T? Value, string? Problem) Attempt<T>(Func<T> call, string what)
    {
        try
        {
            return (call(), null);
        }
        catch (NotImplementedException)
        {
            return (default, NotImplemented);
        }
        catch (Exception e)
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
            return (default, $"{what} stopped with {inner.GetType().Name}: {FirstLine(inner.Message)}");
        }
    }

    public static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>A [1, 1, H, W] float mask with ones where <paramref name="on"/> is true.</summary>
    public static Tensor Mask(int height, int width, Func<int, int, bool> on)
    {
        var values = new float[height * width];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                values[y * width + x] = on(y, x) ? 1f : 0f;
        return tensor(values).reshape(1, 1, height, width);
    }

    /// <summary>The values of a tensor as floats, on the CPU.</summary>
    public static float[] Values(Tensor t)
    {
        using var noGrad = no_grad();
        return t.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }

    public static string Shape(Tensor t) => TensorShapes.Describe(t);

    public static string Shape(params long[] shape) => TensorShapes.Describe(shape);

    public static string Number(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    public static bool Near(double actual, double expected) => Math.Abs(actual - expected) < 1e-4;

    public static string Ordinal(int index) => (index + 1) switch { 1 => "1st", 2 => "2nd", 3 => "3rd", var n => $"{n}th" };
}
