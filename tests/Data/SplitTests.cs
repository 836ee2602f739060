
using Segmentation.Data;
using Segmentation.Loading;

namespace Lesson.Tests.Data;

/// <summary>Splits are reproducible, keep PH2's diagnosis mix, and never put a MADS sequence on both sides.</summary>
public class SplitTests
{
    static readonly IReadOnlyList<Ph2Case> Ph2Cases = Enumerable.Range(0, 200)
        .Select(i => new Ph2Case($"IMD{i + 2:D3}", "", "", (i % 5) switch
        {
            0 or 1 => Ph2Diagnosis.CommonNevus,
            2 or 3 => Ph2Diagnosis.AtypicalNevus,
            _ => Ph2Diagnosis.Melanoma,
        }))
        .ToList();

    static readonly IReadOnlyList<MadsFrame> Frames =
        (from sequence in new[] { "HipHop_HipHop1", "HipHop_HipHop2", "Jazz_Jazz1", "Kata_Kata1", "Taichi_Taichi1", "Taichi_Taichi2", "Sports_Badminton1", "Jazz_Jazz2" }
         from frame in new[] { 45, 90, 135, 180, 225 }
         from camera in new[] { 0, 1, 2 }
         let parts = sequence.Split('_')
         select new MadsFrame($"{sequence}_C{camera}_{frame:D5}", "", "", parts[0], parts[1], camera, frame)).ToList();

    [Fact]
    public void Random_split_is_the_same_for_the_same_seed_and_different_for_another()
    {
        var first = Split.Random(Ph2Cases, 0.1, seed: 1);
        var again = Split.Random(Ph2Cases, 0.1, seed: 1);
        var other = Split.Random(Ph2Cases, 0.1, seed: 2);

        Assert.Equal(first.Validation, again.Validation);
        Assert.NotEqual(first.Validation, other.Validation);
        Assert.Equal(20, first.Validation.Count);
        Assert.Equal(Ph2Cases, first.Train.Concat(first.Validation).OrderBy(c => c.Name));
    }

    [Fact]
    public void Stratified_split_keeps_the_diagnosis_mix_in_both_parts()
    {
        var (train, validation) = Split.Stratified(Ph2Cases, c => c.Diagnosis, 0.1, seed: 3);

        // PH2's 80 / 80 / 40 become 8 / 8 / 4 in validation, exactly.
        Assert.Equal(8, validation.Count(c => c.Diagnosis == Ph2Diagnosis.CommonNevus));
        Assert.Equal(8, validation.Count(c => c.Diagnosis == Ph2Diagnosis.AtypicalNevus));
        Assert.Equal(4, validation.Count(c => c.Diagnosis == Ph2Diagnosis.Melanoma));
        Assert.Equal(180, train.Count);
        Assert.Empty(train.Intersect(validation));
        Assert.Equal(validation, Split.Stratified(Ph2Cases, c => c.Diagnosis, 0.1, seed: 3).Validation);
        Assert.NotEqual(validation, Split.Stratified(Ph2Cases, c => c.Diagnosis, 0.1, seed: 4).Validation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Sequence_split_never_puts_frames_of_one_sequence_on_both_sides(int seed)
    {
        var (train, validation) = Split.BySequence(Frames, 0.25, seed);

        var trainSequences = train.Select(f => f.SequenceKey).ToHashSet();
        var validationSequences = validation.Select(f => f.SequenceKey).ToHashSet();
        Assert.Empty(trainSequences.Intersect(validationSequences));
        Assert.Equal(Frames.Count, train.Count + validation.Count);
        // 8 sequences of 15 frames: a quarter is exactly 2 whole sequences.
        Assert.Equal(2, validationSequences.Count);
        Assert.Equal(30, validation.Count);
        Assert.Equal(validation, Split.BySequence(Frames, 0.25, seed).Validation);
    }

    [Fact]
    public void Sequence_split_differs_between_seeds_and_keeps_the_input_order()
    {
        var picks = Enumerable.Range(1, 10).Select(seed => string.Join(",", Split.BySequence(Frames, 0.25, seed).Validation
            .Select(f => f.SequenceKey).Distinct())).Distinct().Count();
        Assert.True(picks > 1, "every seed chose the same validation sequences");

        var (train, _) = Split.BySequence(Frames, 0.25, seed: 1);
        Assert.Equal(train.OrderBy(f => Frames.ToList().IndexOf(f)), train);
    }

    [Fact]
    public void Sequence_split_needs_two_sequences()
    {
        var one = Frames.Where(f => f.SequenceKey == "Jazz_Jazz1").ToList();
        var error = Assert.Throws<ArgumentException>(() => Split.BySequence(one, 0.2, seed: 1));
        Assert.Contains("at least two", error.Message);
    }

    [Fact]
    public void Fractions_outside_0_to_1_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Split.Stratified(Ph2Cases, c => c.Diagnosis, 1.5, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Split.BySequence(Frames, -0.1, seed: 1));
    }
}
