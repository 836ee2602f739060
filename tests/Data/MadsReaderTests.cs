
using Segmentation.Data;
using Segmentation.Samples;

namespace Lesson.Tests.Data;

/// <summary>The MADS reader on the layouts people have after unzipping the Kaggle archive.</summary>
public class MadsReaderTests
{
    const string Folder = MadsDataset.FolderName;

    [Fact]
    public void Reads_the_doubled_folder_as_unzipped_with_df_csv_and_ignores_the_collages()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("mads-doubled"), count: 9, seed: 4);
        Assert.True(File.Exists(Path.Combine(root, "df.csv")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(root, Folder, Folder, "collages")));

        var contents = MadsDataset.LoadGoodCases(root);

        Assert.Equal(9, contents.Cases.Count);
        Assert.Empty(contents.Problems);
        Assert.Equal(Path.Combine(root, Folder, Folder), contents.Folder);
        Assert.Equal((512, 384), contents.ImageSize);
        // The outer folder of the pair works as a root too.
        Assert.Equal(contents.Cases, MadsDataset.Load(Path.Combine(root, Folder)));
    }

    [Fact]
    public void Reads_the_flattened_folder_and_the_inner_folder_without_df_csv_by_file_name()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("mads-flat"), count: 6, seed: 4);
        var expected = MadsDataset.Load(root).Select(f => f.Name).ToList();
        // Flatten as many users do: the inner folder's contents one level up, df.csv gone.
        string flattened = Path.Combine(RepoPaths.NewTempFolder("mads-flattened"), Folder);
        Directory.Move(Path.Combine(root, Folder, Folder), flattened);

        var fromAbove = MadsDataset.Load(Path.GetDirectoryName(flattened)!);
        var fromInside = MadsDataset.Load(flattened);

        Assert.Equal(expected, fromAbove.Select(f => f.Name));
        Assert.Equal(expected, fromInside.Select(f => f.Name));
        Assert.All(fromInside, f => Assert.Equal(Path.GetFileName(f.ImagePath), Path.GetFileName(f.MaskPath)));
    }

    [Fact]
    public void The_quick_count_finds_the_same_folder_as_the_reader_and_counts_images_without_a_mask()
    {
        string root = MadsSample.Write(RepoPaths.NewTempFolder("mads-count"), count: 7, seed: 4);
        string inner = Path.Combine(root, Folder, Folder);
        File.Delete(Directory.GetFiles(Path.Combine(inner, MadsDataset.MasksFolderName)).Order().First());

        var (folder, pairs, withoutMask) = MadsDataset.CountPairs(root);

        Assert.Equal(inner, folder);
        Assert.Equal(MadsDataset.FindFolders(root).DataFolder, MadsDataset.FindPairsFolder(root));
        Assert.Equal((6, 1), (pairs, withoutMask));
        Assert.Null(MadsDataset.FindPairsFolder(Path.Combine(inner, MadsDataset.ImagesFolderName)));
        var none = Assert.Throws<DirectoryNotFoundException>(() => MadsDataset.CountPairs(Path.Combine(inner, MadsDataset.ImagesFolderName)));
        Assert.Contains("expected 'images/' and 'masks/' folders side by side", none.Message);
    }

    [Fact]
    public void Pairs_by_file_name_so_each_image_gets_its_own_mask()
    {
        string data = Path.Combine(RepoPaths.NewTempFolder("mads-pairs"), Folder);
        // The person's width is written into the frame number, so a test can tell which mask it got.
        foreach (int width in new[] { 31, 7, 19 })
            DataFiles.MadsFrame(data, $"HipHop_HipHop1_C0_{width * 45:D5}", personWidth: width);

        var frames = MadsDataset.Load(data);

        Assert.Equal(3, frames.Count);
        foreach (var frame in frames)
            Assert.Equal(frame.Frame / 45, DataFiles.ObjectColumns(frame.MaskPath, frame.MaskRule));
    }

    [Fact]
    public void Follows_df_csv_and_reports_images_it_does_not_list_and_rows_that_pair_different_names()
    {
        string root = RepoPaths.NewTempFolder("mads-csv");
        string data = Path.Combine(root, Folder, Folder);
        foreach (var name in new[] { "Jazz_Jazz1_C0_00045", "Jazz_Jazz1_C1_00045", "Jazz_Jazz1_C2_00045" })
            DataFiles.MadsFrame(data, name);
        // pandas writes an unnamed index column first; the third image is not listed; a row pairs two names.
        File.WriteAllText(Path.Combine(root, "df.csv"),
            ",images,masks\n0,images/Jazz_Jazz1_C0_00045.png,masks/Jazz_Jazz1_C0_00045.png\n" +
            "1,images/Jazz_Jazz1_C1_00045.png,masks/Jazz_Jazz1_C0_00045.png\n");

        var contents = MadsDataset.LoadGoodCases(root);

        Assert.Equal(["Jazz_Jazz1_C0_00045"], contents.Cases.Select(f => f.Name));
        Assert.Equal(2, contents.Problems.Count);
        var mismatch = Assert.Single(contents.Problems, p => p.Case == "Jazz_Jazz1_C1_00045");
        Assert.Equal(Path.Combine(root, "df.csv"), mismatch.File);
        Assert.Contains("Line 3", mismatch.Error);
        var unlisted = Assert.Single(contents.Problems, p => p.Case == "Jazz_Jazz1_C2_00045");
        Assert.Equal(Path.Combine(data, "images", "Jazz_Jazz1_C2_00045.png"), unlisted.File);
        Assert.Contains("not listed", unlisted.Error);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Thresholds_masks_at_127_whatever_their_channels(int channels)
    {
        string data = Path.Combine(RepoPaths.NewTempFolder($"mads-mask{channels}"), Folder);
        DataFiles.MadsFrame(data, "Taichi_Taichi1_C0_00090");
        // Columns 0-9 at gray 128 (person), 10-19 at 127 (background: the threshold is "above 127"), rest black.
        DataFiles.GrayPng(Path.Combine(data, "masks", "Taichi_Taichi1_C0_00090.png"), 64, 48,
            (x, _) => x < 10 ? (byte)128 : x < 20 ? (byte)127 : (byte)0, channels);

        var frame = Assert.Single(MadsDataset.Load(data));

        Assert.Equal(MaskRule.GrayAbove127, frame.MaskRule);
        Assert.Equal(10, DataFiles.ObjectColumns(frame.MaskPath, frame.MaskRule));
    }

    [Theory]
    [InlineData("HipHop_HipHop1_C0_00180.png", "HipHop", "HipHop1", 0, 180)]
    [InlineData("Sports_Badminton_2_C2_01035", "Sports", "Badminton_2", 2, 1035)]
    [InlineData("Taichi_S1_C1_00045.png", "Taichi", "S1", 1, 45)]
    public void Parses_activity_sequence_camera_and_frame_from_the_file_name(string name, string activity, string sequence, int camera, int frame)
    {
        Assert.Equal((activity, sequence, camera, frame), MadsFrame.ParseName(name));
    }

    [Theory]
    [InlineData("HipHop1_C0_00180.png")]
    [InlineData("HipHop_HipHop1_00180.png")]
    [InlineData("frame_0001.png")]
    public void Names_that_do_not_follow_the_pattern_are_not_parsed(string name) => Assert.Null(MadsFrame.ParseName(name));
}
