using System.Globalization;
using static TorchSharp.torch;

namespace Segmentation.Exercises;

/// <summary>Shared helpers of the checks: hand-made tensors, safe calls of the learner's code, readable numbers.</summary>
internal static class LabCheckTools
{
    /// <summary>Runs the learner's code; on an exception, returns the message to show instead of a value.</summary>
    public static (T? Value, string? Problem) Attempt<T>(Func<T> call, string what)
    {
        try
        {
            return (call(), null);
        }
        catch (NotImplementedException)
        {
            return (default, CheckMessages.NotImplemented);
        }
        catch (Exception e)
        {
            var inner = e is System.Reflection.TargetInvocationException { InnerException: { } i } ? i : e;
            return (default, Say(CheckMessages.Stopped, what, inner.GetType().Name, FirstLine(inner.Message)));
        }
    }

    /// <summary>A message from a table (<see cref="CheckMessages"/>, <see cref="LabMessages"/>, <see cref="PoseMessages"/>) with its blanks filled in.</summary>
    public static string Say(string format, params object?[] values) => string.Format(CultureInfo.InvariantCulture, format, values);

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

    public static string Number(double value) => double.IsNaN(value) ? "NaN" : value.ToString("0.###", CultureInfo.InvariantCulture);

    public static bool Near(double actual, double expected, double tolerance = 1e-4) => Math.Abs(actual - expected) < tolerance;

    public static void AddOnce(List<string> messages, string message)
    {
        if (!messages.Contains(message))
            messages.Add(message);
    }

    /// <summary>Prints the result (a notebook shows it as text) and returns it.</summary>
    public static LabCheckResult Report(LabCheckResult result)
    {
        Console.WriteLine(result.ToString());
        return result;
    }
}
