using System.Runtime.ExceptionServices;
using Segmentation.Augmentation;
using Segmentation.Data;
using Segmentation.Native;
using static TorchSharp.torch;

namespace Segmentation.Loading;

/// <summary>
/// Serves a dataset as batches of tensors, images [B, 3, Size, Size] and masks [B, 1, Size, Size], epoch after
/// epoch: shuffled, augmented and normalised as <see cref="LoaderOptions"/> says. While the network trains on
/// one batch, the next is decoded in the background (on at most <see cref="LoaderOptions.DecodeThreads"/> threads),
/// so training rarely waits for files. When the caller stops early (a <c>break</c>, or an exception in its loop),
/// the background work is cancelled and awaited before the loop is left: nothing keeps reading files afterwards.
/// </summary>
/// <example>
/// <code>
/// var loader = new SegmentationLoader(train, new LoaderOptions { Augmentations = Augmentations.Dermoscopy });
/// foreach (var (images, masks) in loader.Batches(epoch)) { using var scope = NewDisposeScope(); ... }
/// </code>
/// </example>
public sealed class SegmentationLoader
{
    readonly IReadOnlyList<ISegmentationPair> pairs;
    readonly LoaderOptions options;
    // A class, not a struct: a reference is written in one piece, so a thread reading the cache while another fills
    // it sees either nothing or a whole entry, never an image from one write and a mask from another.
    readonly DecodedPixels?[] cache;

    sealed record DecodedPixels(byte[] Rgb, byte[] Mask);

    /// <summary>Prepares to serve <paramref name="pairs"/>; nothing is read until the first batch is asked for.</summary>
    public SegmentationLoader(IEnumerable<ISegmentationPair> pairs, LoaderOptions? options = null)
    {
        this.pairs = pairs.ToList();
        this.options = options ?? new LoaderOptions();
        if (this.pairs.Count == 0)
            throw new ArgumentException("There are no image/mask pairs to load.", nameof(pairs));
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.Size, 1, "options.Size");
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.BatchSize, 1, "options.BatchSize");
        ArgumentOutOfRangeException.ThrowIfLessThan(this.options.DecodeThreads, 1, "options.DecodeThreads");
        cache = new DecodedPixels?[this.pairs.Count];
    }

    /// <summary>Width and height of every image and mask served.</summary>
    public int Size => options.Size;

    /// <summary>Number of examples.</summary>
    public int Count => pairs.Count;

    /// <summary>Batches in one epoch.</summary>
    public int BatchesPerEpoch => options.DropLast ? Count / options.BatchSize : (Count + options.BatchSize - 1) / options.BatchSize;

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/>, as float32 CPU tensors that the caller owns (create them
    /// inside a dispose scope, or dispose them). Tensors are made on the calling thread, so they join its dispose scope.
    /// </summary>
    /// <exception cref="BadFileException">A file turned out to be unreadable; the message names it.</exception>
    public IEnumerable<(Tensor Images, Tensor Masks)> Batches(int epoch = 0)
    {
        var batches = Order(epoch).Chunk(options.BatchSize).Take(BatchesPerEpoch).ToArray();
        if (batches.Length == 0)
            yield break;
        TorchRuntime.EnsureLoaded();
        int size = options.Size;
        using var stop = new CancellationTokenSource();
        var next = Task.Run(() => Assemble(batches[0], epoch, stop.Token));
        try
        {
            for (int b = 0; b < batches.Length; b++)
            {
                var (images, masks) = next.GetAwaiter().GetResult();
                if (b + 1 < batches.Length)
                {
                    var upcoming = batches[b + 1];
                    next = Task.Run(() => Assemble(upcoming, epoch, stop.Token)); // decoded while the caller trains on this batch
                }
                int count = batches[b].Length;
                yield return (tensor(images, [count, 3, size, size]), tensor(masks, [count, 1, size, size]));
            }
        }
        finally
        {
            // Runs when the caller's loop ends in any way. After a break or an exception the next batch may still be
            // decoding: stop it, and wait, so no file is read after the loop and no error is left unobserved.
            stop.Cancel();
            try
            {
                next.Wait();
            }
            catch (AggregateException)
            {
                // A batch nobody will take: its cancellation, or an error in a file it was reading, no longer matters.
            }
        }
    }

    /// <summary>Example <paramref name="index"/> as it would appear in epoch <paramref name="epoch"/>: decoded, resized and augmented, not normalised.</summary>
    public ImageAndMask Example(int index, int epoch = 0)
    {
        var example = Decode(index);
        options.Augmentations.Apply(example, new Random(ExampleSeed(epoch, index)));
        return example;
    }

    int[] Order(int epoch)
    {
        var order = Enumerable.Range(0, Count).ToArray();
        if (options.Shuffle)
            new Random(ExampleSeed(epoch, -1)).Shuffle(order);
        return order;
    }

    (float[] Images, float[] Masks) Assemble(int[] indices, int epoch, CancellationToken cancel)
    {
        int plane = options.Size * options.Size;
        var images = new float[indices.Length * 3 * plane];
        var masks = new float[indices.Length * plane];
        // Bounded: libtorch's own threads train on the same cores while this batch decodes.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.DecodeThreads, CancellationToken = cancel };
        try
        {
            Parallel.For(0, indices.Length, parallel, i =>
            {
                var example = Example(indices[i], epoch);
                options.Normalisation.Apply(example.Image);
                example.Image.CopyTo(images, i * 3 * plane);
                example.Mask.CopyTo(masks, i * plane);
            });
        }
        catch (AggregateException error)
        {
            ExceptionDispatchInfo.Throw(error.InnerExceptions[0]); // the file's own message, not "one or more errors"
        }
        return (images, masks);
    }

    ImageAndMask Decode(int index)
    {
        var pixels = Volatile.Read(ref cache[index]);
        if (pixels is null)
        {
            pixels = new DecodedPixels(ResizedPixels.ReadImage(pairs[index].ImagePath, options.Size),
                ResizedPixels.ReadMask(pairs[index].MaskPath, options.Size, pairs[index].MaskRule));
            if (options.CacheDecoded)
                Volatile.Write(ref cache[index], pixels);   // the arrays are never changed after this
        }
        return ImageAndMask.FromBytes(pixels.Rgb, pixels.Mask, options.Size, options.Size);
    }

    /// <summary>A seed per (loader seed, epoch, example), so examples augment the same whichever thread takes them.</summary>
    int ExampleSeed(int epoch, int index) => Mix(options.Seed, epoch, index);

    static int Mix(int seed, int epoch, int index)
    {
        // SplitMix64's finaliser: spreads nearby inputs far apart, and is the same on every machine and run
        // (unlike HashCode, which is randomised per process).
        ulong z = (ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)epoch * 0xBF58476D1CE4E5B9UL ^ (ulong)(uint)index * 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}
