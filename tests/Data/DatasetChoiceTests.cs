using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Samples;
using Segmentation;

namespace Lesson.Tests.Data;

/// <summary>
/// The kit's dataset rule, on real files: a fetched dataset in the data folder wins over the generated sample, the
/// standard splits hold out a tenth (PH2 by diagnosis, MADS by whole sequences), and a learner's mistakes say what to do.
/// </summary>
public class DatasetChoiceTests
{
    [Fact]
    public void A_fetched_PH2_in_the_data_folder_is_used_and_split_by_diagnosis()
    {
        string dataFolder = RepoPaths.NewTempFolder("choice-ph2");
        Ph2Sample.Write(dataFolder, count: 40, seed: 5);   // the fetched layout: dataFolder/PH2Dataset/PH2 Dataset images/IMD...

        var (folder, generated) = DatasetChoice.Locate("ph2", dataFolder: dataFolder);
        var (train, validation) = DatasetChoice.SplitCases("ph2", folder, seed: 1);

        Assert.Equal(Path.Combine(dataFolder, Ph2Dataset.DatasetFolderName), folder);
        Assert.False(generated);
        var cases = Ph2Dataset.Load(folder);
        Assert.Equal(cases.Count, train.Count + validation.Count);
        Assert.Empty(train.Select(c => c.Name).Intersect(validation.Select(c => c.Name)));
        // Stratified: each diagnosis gives its own tenth (rounded), so the validation part has the dataset's mix.
        var expected = cases.GroupBy(c => c.Diagnosis).ToDictionary(g => g.Key, g => (int)Math.Round(g.Count() * DatasetChoice.ValidationFraction));
        var held = validation.Select(v => cases.Single(c => c.Name == v.Name)).GroupBy(c => c.Diagnosis).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (diagnosis, count) in expected.Where(e => e.Value > 0))
            Assert.Equal(count, held.GetValueOrDefault(diagnosis));
        Assert.Equal(validation.Select(v => v.Name), DatasetChoice.SplitCases("ph2", folder, seed: 1).Validation.Select(v => v.Name));
    }

    [Fact]
    public void Without_a_fetched_MADS_the_generated_sample_is_used_and_no_sequence_is_on_both_sides()
    {
        string dataFolder = RepoPaths.NewTempFolder("choice-mads");

        var (folder, generated) = DatasetChoice.Locate("mads", dataFolder: dataFolder);
        var (train, validation) = DatasetChoice.SplitCases("mads", folder, seed: 2);

        Assert.True(generated);
        Assert.Equal(MadsSample.EnsureDefault(dataFolder), folder);
        Assert.Null(DatasetLocations.Mads(dataFolder));
        static string Sequence(ISegmentationPair pair) => ((MadsFrame)pair).Sequence;
        Assert.Empty(train.Select(Sequence).Intersect(validation.Select(Sequence)));
        Assert.InRange(validation.Count, 1, train.Count / 4);
    }

    [Fact]
    public void An_unknown_dataset_or_a_missing_folder_says_what_to_give()
    {
        var unknown = Assert.Throws<ArgumentException>(() => DatasetChoice.Locate("ph3"));
        Assert.Equal("unknown dataset 'ph3'. Available: ph2, mads.", unknown.Message);

        string missing = Path.Combine(RepoPaths.NewTempFolder("choice-missing"), "PH2Dataset");
        var absent = Assert.Throws<DirectoryNotFoundException>(() => DatasetChoice.Locate("ph2", folder: missing));
        Assert.Contains(missing, absent.Message);
        Assert.Contains("Give the folder you extracted the dataset into", absent.Message);
    }

    [Fact]
    public void The_kit_folder_is_found_from_any_folder_inside_it_and_nowhere_else()
    {
        string kit = RepoPaths.NewTempFolder("kit-folder");
        File.WriteAllText(Path.Combine(kit, "Lesson.slnx"), "<Solution />");
        string deep = Directory.CreateDirectory(Path.Combine(kit, "lab", "solutions")).FullName;
        string outside = RepoPaths.NewTempFolder("not-a-kit");

        Assert.Equal(kit, KitFolder.FindRoot(deep));
        Assert.Equal(Path.Combine(kit, "data"), DatasetLocations.FindDataFolder(deep));
        Assert.Null(KitFolder.FindRoot(outside));
        Assert.Null(DatasetLocations.FindDataFolder(outside));
        Assert.Equal(RepoPaths.Root, KitFolder.FindRoot(Path.Combine(RepoPaths.Root, "notebooks")));
    }
}
