using Segmentation.Inference;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Inference;

public class BinaryMaskTests
{
    public BinaryMaskTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Logits_are_thresholded_as_probabilities()
    {
        using var logits = tensor(new[] { -1f, 0f, 0.5f, 1.2f });
        // sigmoid: 0.27, 0.5, 0.62, 0.77. Above 0.5: the last two; above 0.75 (logit ln 3 = 1.0986): the last one.
        Assert.Equal([0f, 0f, 1f, 1f], BinaryMask.FromLogits(logits).data<float>().ToArray());
        Assert.Equal([0f, 0f, 0f, 1f], BinaryMask.FromLogits(logits, threshold: 0.75).data<float>().ToArray());
        using var probabilities = sigmoid(logits);
        Assert.Equal([0f, 0f, 0f, 1f], BinaryMask.FromProbabilities(probabilities, threshold: 0.75).data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => BinaryMask.FromLogits(logits, threshold: 1));
    }

    [Fact]
    public void Arrays_round_trip_and_batches_are_refused()
    {
        using var mask = tensor(new[] { 0f, 1f, 1f, 0f, 0f, 1f }).reshape(1, 1, 2, 3);
        var array = BinaryMask.ToArray(mask);
        Assert.Equal((2, 3), (array.GetLength(0), array.GetLength(1)));
        Assert.True(array[0, 1] && array[1, 2] && !array[1, 0]);
        using var back = BinaryMask.FromArray(array);
        Assert.Equal(mask.reshape(2, 3).data<float>().ToArray(), back.data<float>().ToArray());

        using var batch = zeros(2, 1, 4, 4);
        var error = Assert.Throws<ArgumentException>(() => BinaryMask.ToArray(batch));
        Assert.Contains("masks[i]", error.Message);
    }
}
