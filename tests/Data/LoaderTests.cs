using Segmentation.Augmentation;
using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Samples;
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
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_image_comes_with_its_own_mask_in_every_epoch_on_any_number_of_threads(bool flips)
    {
        var pairs = PairedFiles.Write(RepoPaths.NewTempFolder("paired"), count: 12);
        // Flips are exact, so a flipped image must still match its flipped mask pixel for pixel.
        var augmentations = flips
            ? Augmentations.None with { HorizontalFlipChance = 0.5, VerticalFlipChance = 0.5 }
            : Augmentations.None;
        var loader = new SegmentationLoader(pairs, new LoaderOptions
        {
            Size = PairedFiles.Size, BatchSize = 5, Seed = 3, DecodeThreads = 4, Augmentations = augmentations,
        });

        for (int epoch = 0; epoch < 3; epoch++)   // the first epoch decodes, later ones read the cache
        {
            var seen = new List<int>();
            foreach (var (images, masks) in loader.Batches(epoch))
            {
                using (images)
                using (masks)
                {
                    float[] imageValues = Values(images), maskValues = Values(masks);
                    for (int n = 0; n < images.shape[0]; n++)
                    {
                        var (fromImage, fromMask) = PairedFiles.Indices(imageValues, maskValues, n);
                        Assert.Equal(fromImage, fromMask);
                        seen.Add(fromImage);
                    }
                }
            }
            Assert.Equal(Enumerable.Range(0, 12), seen.Order());
        }
    }

    [Fact]
    public void Decoding_runs_on_at_most_the_asked_number_of_threads()
    {
        var probe = new PairedFiles.Probe();
        var pairs = PairedFiles.Write(RepoPaths.NewTempFolder("bounded"), count: 8, probe);
        var loader = new SegmentationLoader(pairs, new LoaderOptions { Size = PairedFiles.Size, BatchSize = 8, DecodeThreads = 2 });

        foreach (var (images, masks) in loader.Batches())
        {
            images.Dispose();
            masks.Dispose();
        }

        Assert.Equal(8, probe.Reads);
        Assert.InRange(probe.MostAtOnce, 1, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SegmentationLoader(pairs, new LoaderOptions { DecodeThreads = 0 }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Leaving_the_loop_early_stops_the_next_batch_and_no_file_is_read_afterwards(bool byException)
    {
        var probe = new PairedFiles.Probe();
        var pairs = PairedFiles.Write(RepoPaths.NewTempFolder("early-stop"), count: 12, probe);
        var loader = new SegmentationLoader(pairs, new LoaderOptions { Size = PairedFiles.Size, BatchSize = 4, DecodeThreads = 1 });

        void Consume()
        {
            foreach (var (images, masks) in loader.Batches())
            {
                images.Dispose();
                masks.Dispose();
                if (byException)
                    throw new InvalidOperationException("the caller's own error");
                break;
            }
        }
        if (byException)
            Assert.Equal("the caller's own error", Assert.Throws<InvalidOperationException>(Consume).Message);   // not wrapped, not replaced
        else
            Consume();
        int readsWhenTheLoopEnded = probe.Reads;
        Thread.Sleep(300);   // long enough for the rest of the next batch (4 x 25 ms) had it kept going

        Assert.Equal(readsWhenTheLoopEnded, probe.Reads);
        Assert.InRange(readsWhenTheLoopEnded, 4, 8);   // the batch taken, and at most the one being prepared
    }

    [Fact]
    public void A_damaged_file_in_a_batch_nobody_takes_does_not_fail_the_loop()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("loader-bad-later"), count: 4, seed: 8);
        var cases = Ph2Dataset.Load(root);
        File.WriteAllBytes(cases[3].ImagePath, [1, 2, 3]);   // in the second batch
        var loader = new SegmentationLoader(cases, new LoaderOptions { Size = 16, BatchSize = 2, Shuffle = false });

        int taken = 0;
        foreach (var (images, masks) in loader.Batches())
        {
            images.Dispose();
            masks.Dispose();
            taken++;
            break;
        }
        Assert.Equal(1, taken);
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
