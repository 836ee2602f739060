using Segmentation.Augmentation;
using Segmentation.Data;
using static TorchSharp.torch;

namespace Lesson.Tests.Data;

/// <summary>The batch loader and the tensor helpers, on a generated PH2 sample.</summary>
public class LoaderTests
{
    static readonly Lazy<IReadOnlyList<Ph2Case>> Cases =
        new(() => Ph2Dataset.Load(Ph2Sample.Write(RepoPaths.NewTempFolder("loader"), count: 10, seed: 8)));

    [Fact]
    public void Serves_every_example_once_per_epoch_in_batches_of_the_asked_shape()
    {
        var loader = new SegmentationLoader(Cases.Value, new LoaderOptions { Size = 32, BatchSize = 4, Seed = 2 });
        using var scope = NewDisposeScope();

        var batches = loader.Batches(epoch: 0).ToList();

        Assert.Equal(3, loader.BatchesPerEpoch);
        Assert.Equal([4L, 4L, 2L], batches.Select(b => b.Images.shape[0]));
        Assert.Equal(new long[] { 4, 3, 32, 32 }, batches[0].Images.shape);
        Assert.Equal(new long[] { 4, 1, 32, 32 }, batches[0].Masks.shape);
        // Without augmentation the batches hold the same images as loading them directly, in the shuffled order.
        var all = cat(batches.Select(b => b.Images).ToList(), 0);
        var (direct, _) = ImageTensors.LoadPairs(Cases.Value, 32);
        Assert.Equal(direct.sum().item<float>(), all.sum().item<float>(), 0.5f);
    }

    [Fact]
    public void The_same_seed_and_epoch_give_the_same_batches_and_another_epoch_another_order()
    {
        var options = new LoaderOptions { Size = 24, BatchSize = 10, Seed = 5, Augmentations = Augmentations.Dermoscopy };
        using var scope = NewDisposeScope();

        var first = new SegmentationLoader(Cases.Value, options).Batches(1).Single();
        var again = new SegmentationLoader(Cases.Value, options).Batches(1).Single();
        var later = new SegmentationLoader(Cases.Value, options).Batches(2).Single();

        Assert.Equal(Values(first.Images), Values(again.Images));
        Assert.Equal(Values(first.Masks), Values(again.Masks));
        Assert.NotEqual(Values(first.Images), Values(later.Images));
    }

    [Fact]
    public void Augmented_masks_stay_binary_and_cover_about_as_much_as_unaugmented_ones()
    {
        var plain = new SegmentationLoader(Cases.Value, new LoaderOptions { Size = 48, BatchSize = 10, Shuffle = false });
        var augmented = new SegmentationLoader(Cases.Value, new LoaderOptions { Size = 48, BatchSize = 10, Shuffle = false, Augmentations = Augmentations.Dermoscopy });
        using var scope = NewDisposeScope();

        var (_, plainMasks) = plain.Batches().Single();
        var (_, augmentedMasks) = augmented.Batches().Single();

        Assert.All(Values(augmentedMasks), v => Assert.True(v is 0 or 1, $"an augmented mask holds {v}"));
        float plainArea = Values(plainMasks).Sum(), augmentedArea = Values(augmentedMasks).Sum();
        Assert.InRange(augmentedArea, plainArea * 0.8f, plainArea * 1.2f);
    }

    [Fact]
    public void Normalisation_scales_the_images_and_leaves_the_masks()
    {
        using var scope = NewDisposeScope();
        var (plain, plainMasks) = new SegmentationLoader(Cases.Value, new LoaderOptions { Size = 16, BatchSize = 10, Shuffle = false }).Batches().Single();
        var (centred, centredMasks) = new SegmentationLoader(Cases.Value,
            new LoaderOptions { Size = 16, BatchSize = 10, Shuffle = false, Normalisation = Normalisation.MinusOneToOne }).Batches().Single();

        var plainValues = Values(plain);
        var centredValues = Values(centred);
        Assert.All(plainValues, v => Assert.InRange(v, 0f, 1f));
        Assert.True(centredValues.Min() < 0, "values were not moved below 0");
        // (x - 0.5) / 0.5 for every value.
        for (int i = 0; i < plainValues.Length; i++)
            Assert.Equal(2 * plainValues[i] - 1, centredValues[i], 1e-5f);
        Assert.Equal(Values(plainMasks), Values(centredMasks));
    }

    [Fact]
    public void Image_tensors_hold_values_in_0_to_1_in_channel_first_order()
    {
        using var scope = NewDisposeScope();
        var image = ImageTensors.LoadImage(Cases.Value[0].ImagePath, 40);
        var mask = ImageTensors.LoadMask(Cases.Value[0].MaskPath, 40);

        Assert.Equal(new long[] { 3, 40, 40 }, image.shape);
        Assert.Equal(new long[] { 1, 40, 40 }, mask.shape);
        Assert.All(Values(image), v => Assert.InRange(v, 0f, 1f));
        // Skin is redder than it is blue: channel 0 is red.
        Assert.True(image[0].mean().item<float>() > image[2].mean().item<float>(), "channel 0 is not the red one");
        Assert.True(mask.sum().item<float>() > 0, "the lesion mask is empty");
    }

    /// <summary>Tensor values in managed memory: checks in C#, so no numbers become TorchSharp Scalars (see platform notes).</summary>
    static float[] Values(Tensor tensor) => tensor.contiguous().data<float>().ToArray();

    [Fact]
    public void A_damaged_file_met_while_loading_batches_is_reported_by_name()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("loader-bad"), count: 3, seed: 8);
        var cases = Ph2Dataset.Load(root);
        File.WriteAllBytes(cases[1].ImagePath, File.ReadAllBytes(cases[1].ImagePath)[..5000]); // cut off after loading

        var loader = new SegmentationLoader(cases, new LoaderOptions { Size = 16, BatchSize = 3 });
        var error = Assert.Throws<BadFileException>(() => loader.Batches().ToList());
        Assert.Equal(cases[1].ImagePath, error.FilePath);
        Assert.Contains("cut off", error.Message);
    }
}
