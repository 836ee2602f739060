using Segmentation.Models;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Lesson.Tests.Models;

public class ModelCatalogTests
{
    public ModelCatalogTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void Creates_each_listed_model_by_name()
    {
        Assert.Equal(["unet", "unet-double", "segnet"], ModelCatalog.Names);
        using var unet = ModelCatalog.Create("unet");
        using var unetDouble = ModelCatalog.Create("UNet-Double");
        using var segnet = ModelCatalog.Create("segnet", classes: 2, widths: [8, 16]);
        Assert.Equal(BlockStyle.Lesson, Assert.IsType<UNet>(unet).Blocks);
        Assert.Equal(BlockStyle.Double, Assert.IsType<UNet>(unetDouble).Blocks);
        var segnetModel = Assert.IsType<SegNet>(segnet);
        Assert.Equal(2, segnetModel.Classes);
        Assert.Equal([8L, 16L], segnetModel.Widths);
        Assert.Contains("skip", ModelCatalog.Describe("segnet"));
    }

    [Fact]
    public void Unknown_name_lists_the_choices()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelCatalog.Create("resnet"));
        Assert.Contains("'resnet'", error.Message);
        Assert.Contains("unet, unet-double, segnet", error.Message);
    }
}
