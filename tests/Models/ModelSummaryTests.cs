using Segmentation.Models;
using Segmentation.Native;

namespace Lesson.Tests.Models;

public class ModelSummaryTests
{
    public ModelSummaryTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void SegNet_summary_lists_layers_in_call_order_with_shapes_and_parameters()
    {
        using var model = new SegNet();
        var summary = ModelSummary.Of(model, 1, 3, 64, 32);

        Assert.Equal(781_377, summary.TotalParameters);
        var first = summary.Layers[0];
        Assert.Equal(("encoder.0", "ConvBlock", 480L), (first.Path, first.Type, first.Parameters));
        Assert.Equal(new long[] { 1, 16, 64, 32 }, first.OutputShape);
        Assert.Equal(("encoder.0.conv", "Conv2d", 448L), (summary.Layers[1].Path, summary.Layers[1].Type, summary.Layers[1].Parameters));
        Assert.Equal(1, summary.Layers[1].Level);

        // The shared pooling layer appears once per call, halving the size each time.
        var pools = summary.Layers.Where(l => l.Path == "pool").Select(l => l.OutputShape[2]).ToArray();
        Assert.Equal(new long[] { 32, 16, 8, 4 }, pools);
        var bottleneck = summary.Layers.Single(l => l.Path == "bottleneck");
        Assert.Equal(new long[] { 1, 256, 4, 2 }, bottleneck.OutputShape);
        // The 1x1 head comes before the last upsampling (the same result, cheaper): one channel at half size, then doubled.
        var head = summary.Layers[^2];
        Assert.Equal(("head", 33L), (head.Path, head.Parameters));
        Assert.Equal(new long[] { 1, 1, 32, 16 }, head.OutputShape);
        Assert.Equal("upsample", summary.Layers[^1].Path);
        Assert.Equal(new long[] { 1, 1, 64, 32 }, summary.Layers[^1].OutputShape);
    }

    [Fact]
    public void UNet_summary_shows_the_concatenated_decoder_inputs_and_the_total()
    {
        using var model = new UNet();
        var summary = ModelSummary.Of(model, 2, 3, 32, 32);
        Assert.Equal(974_929, summary.TotalParameters);
        // decoder.0 reads 256 upsampled + 128 skip channels and returns 128 at 1/8 of the size.
        var decoder0 = summary.Layers.Single(l => l.Path == "decoder.0");
        Assert.Equal(384L * 128 * 9 + 128 + 256, decoder0.Parameters);
        Assert.Equal(new long[] { 2, 128, 4, 4 }, decoder0.OutputShape);
        Assert.Equal(new long[] { 2, 1, 32, 32 }, summary.Layers[^1].OutputShape);

        string table = summary.ToString();
        Assert.Contains("total parameters: 974,929", table);
        Assert.Contains("  encoder.0.norm", table);   // parts indented under their block
        Assert.Contains("[2, 128, 4, 4]", table);
        Assert.DoesNotContain("encoder.0.norm", summary.ToTable(maxLevel: 0));
    }

    [Fact]
    public void Summary_leaves_the_model_as_it_was()
    {
        using var model = new UNet();
        model.train();
        ModelSummary.Of(model, 1, 3, 16, 16);
        Assert.True(model.training);
        Assert.Equal(0L, model.state_dict()["encoder.0.norm.num_batches_tracked"].item<long>());
        // Hooks are removed: a second summary has the same rows, not twice as many.
        Assert.Equal(ModelSummary.Of(model, 1, 3, 16, 16).Layers.Count, ModelSummary.Of(model, 1, 3, 16, 16).Layers.Count);
    }
}
