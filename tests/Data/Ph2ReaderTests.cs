
using Segmentation.Data;
using Segmentation.Samples;

namespace Lesson.Tests.Data;

/// <summary>The PH2 reader on folders in the real extracted layout.</summary>
public class Ph2ReaderTests
{
    [Fact]
    public void Finds_the_cases_from_the_folder_above_PH2Dataset_from_PH2Dataset_and_from_the_images_folder()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("ph2-roots"), count: 4, seed: 5);
        string dataset = Path.Combine(root, Ph2Dataset.DatasetFolderName);
        string images = Path.Combine(dataset, Ph2Dataset.ImagesFolderName);

        var fromAbove = Ph2Dataset.Load(root);
        Assert.Equal(4, fromAbove.Count);
        Assert.Equal(fromAbove, Ph2Dataset.Load(dataset));
        // From the images folder itself the txt next to it is still found, so the diagnoses are the same.
        Assert.Equal(fromAbove, Ph2Dataset.Load(images));
        Assert.All(fromAbove, c => Assert.NotEqual(Ph2Diagnosis.Unknown, c.Diagnosis));
        Assert.All(fromAbove, c => Assert.Equal(c.Diagnosis, c.Metadata!.Diagnosis));
    }

    [Fact]
    public void Pairs_each_image_with_the_mask_of_its_own_case_whatever_order_the_folders_are_listed_in()
    {
        string images = Path.Combine(RepoPaths.NewTempFolder("ph2-pairing"), "PH2Dataset", Ph2Dataset.ImagesFolderName);
        // Case numbers not contiguous and created out of order; each lesion's width is its case number.
        foreach (int number in new[] { 17, 3, 40, 9, 26 })
            DataFiles.Ph2Case(images, $"IMD{number:D3}", lesionWidth: number);

        var cases = Ph2Dataset.Load(images);

        Assert.Equal(["IMD003", "IMD009", "IMD017", "IMD026", "IMD040"], cases.Select(c => c.Name));
        foreach (var ph2Case in cases)
        {
            int number = int.Parse(ph2Case.Name[3..]);
            Assert.Equal(number, DataFiles.ObjectColumns(ph2Case.MaskPath, ph2Case.MaskRule));
            Assert.EndsWith($"{ph2Case.Name}.bmp", ph2Case.ImagePath);
        }
    }

    [Fact]
    public void Ignores_roi_folders_and_system_clutter()
    {
        string images = Path.Combine(RepoPaths.NewTempFolder("ph2-roi"), Ph2Dataset.ImagesFolderName);
        DataFiles.Ph2Case(images, "IMD002", lesionWidth: 5);
        DataFiles.Ph2Case(images, "IMD004", lesionWidth: 7);
        // Colour-region masks, as some real cases have: not the lesion mask, never read.
        DataFiles.MaskBmp(Path.Combine(images, "IMD002", "IMD002_roi", "IMD002_R1_Label4.bmp"), 64, 48, (x, _) => x > 30, bits: 8);
        File.WriteAllText(Path.Combine(images, "IMD004", "Thumbs.db"), "cache");

        var contents = Ph2Dataset.LoadGoodCases(images);

        Assert.Equal(["IMD002", "IMD004"], contents.Cases.Select(c => c.Name));
        Assert.Empty(contents.Problems);
        Assert.Equal(5, DataFiles.ObjectColumns(contents.Cases[0].MaskPath, MaskRule.AnyNonZero));
    }

    [Fact]
    public void Works_without_PH2_dataset_txt_with_every_diagnosis_unknown()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("ph2-no-txt"), count: 3, seed: 2);
        File.Delete(Path.Combine(root, Ph2Dataset.DatasetFolderName, Ph2DatasetTable.FileName));

        var contents = Ph2Dataset.LoadGoodCases(root);

        Assert.Equal(3, contents.Cases.Count);
        Assert.All(contents.Cases, c => Assert.Equal(Ph2Diagnosis.Unknown, c.Diagnosis));
        Assert.All(contents.Cases, c => Assert.Null(c.Metadata));
        Assert.Empty(contents.Problems);
        Assert.Equal((768, 560), contents.ImageSize);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(24)]
    public void Reads_1_8_and_24_bit_masks_alike(int bits)
    {
        string images = Path.Combine(RepoPaths.NewTempFolder($"ph2-mask{bits}"), Ph2Dataset.ImagesFolderName);
        DataFiles.Ph2Case(images, "IMD002", lesionWidth: 23, maskBits: bits);

        var ph2Case = Assert.Single(Ph2Dataset.Load(images));

        Assert.Equal(23, DataFiles.ObjectColumns(ph2Case.MaskPath, ph2Case.MaskRule));
    }

    [Fact]
    public void Any_non_black_mask_pixel_is_lesion()
    {
        string path = Path.Combine(RepoPaths.NewTempFolder("ph2-dark-mask"), "mask.bmp");
        // A very dark red: its gray level rounds to 0, but it is not black, so PH2's rule counts it.
        DataFiles.Bmp(path, 64, 48, (x, _) => x < 12 ? new SixLabors.ImageSharp.PixelFormats.Rgb24(1, 0, 0) : default);

        Assert.Equal(12, DataFiles.ObjectColumns(path, MaskRule.AnyNonZero));
        Assert.Equal(0, DataFiles.ObjectColumns(path, MaskRule.GrayAbove127));
    }
}
