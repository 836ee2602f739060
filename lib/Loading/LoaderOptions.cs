using Segmentation.Augmentation;

namespace Segmentation.Loading;

/// <summary>How a <see cref="SegmentationLoader"/> prepares batches. Every value has a default that suits the lessons.</summary>
public sealed record LoaderOptions
{
    /// <summary>Images and masks are resized to Size x Size pixels (the lesson uses 256).</summary>
    public int Size { get; init; } = 256;

    /// <summary>Examples per batch (the last batch of an epoch may be smaller unless <see cref="DropLast"/>).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>A new random order each epoch (true for training); false keeps the given order (validation).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seeds the order and the augmentation: the same seed and epoch give the same batches.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Random changes for training examples; <see cref="Augmentations.None"/> for validation.</summary>
    public Augmentations Augmentations { get; init; } = Augmentations.None;

    /// <summary>How image values are scaled; <see cref="Normalisation.None"/> keeps 0..1.</summary>
    public Normalisation Normalisation { get; init; } = Normalisation.None;

    /// <summary>Leave out a last batch that would be smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }

    /// <summary>
    /// Keep every decoded, resized example in memory after its first use (4 bytes a pixel: 52 MB for PH2 at 256),
    /// so later epochs skip decoding. Turn off for datasets larger than memory.
    /// </summary>
    public bool CacheDecoded { get; init; } = true;

    /// <summary>
    /// At most this many threads decode the next batch while the network trains on the current one. Default: half the
    /// cores (at least 1), because libtorch trains on the same cores and decoding on all of them slows both down.
    /// </summary>
    public int DecodeThreads { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);
}
