namespace Lesson.Tests.Models;

/// <summary>
/// The state-dict names the lesson's SegNet and U-Net share (their checkpoint format): four encoder blocks, a
/// bottleneck and three decoder blocks of conv + batch norm, then a 1x1 head.
/// </summary>
static class LessonBlockNames
{
    public static IEnumerable<string> Expected()
    {
        foreach (var block in new[] { "encoder.0", "encoder.1", "encoder.2", "encoder.3", "bottleneck", "decoder.0", "decoder.1", "decoder.2" })
        {
            foreach (var name in new[] { "conv.weight", "conv.bias" })
                yield return $"{block}.{name}";
            foreach (var name in new[] { "weight", "bias", "running_mean", "running_var", "num_batches_tracked" })
                yield return $"{block}.norm.{name}";
        }
        yield return "head.weight";
        yield return "head.bias";
    }
}
