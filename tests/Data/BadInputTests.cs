
using Segmentation.Data;
using Segmentation.Loading;
using Segmentation.Samples;

namespace Lesson.Tests.Data;

/// <summary>
/// Every kind of bad input, made for real on disk: loading either stops at the bad case with an error that names
/// the file, says what is wrong and what to do, or leaves the case out and reports it, keeping the good ones.
/// </summary>
public class BadInputTests
{
    static readonly Lazy<string> Ph2Pristine = new(() => Ph2Sample.Write(RepoPaths.NewTempFolder("ph2-pristine"), count: 3, seed: 6));
    static readonly Lazy<string> MadsPristine = new(() => MadsSample.Write(RepoPaths.NewTempFolder("mads-pristine"), count: 3, seed: 6));

    /// <summary>Words that tell the learner what to do, one of which every message must contain.</summary>
    static readonly string[] Advice = ["extract", "Extract", "Remove", "remove", "Move", "download", "Unzip"];

    [Theory]
    [InlineData(Damage.TruncatedImage)]
    [InlineData(Damage.ZeroByteMask)]
    [InlineData(Damage.NotAnImage)]
    [InlineData(Damage.MissingMask)]
    [InlineData(Damage.MaskOfAnotherSize)]
    [InlineData(Damage.ExtraFile)]
    [InlineData(Damage.DecompressionBomb)]
    public void Ph2_stops_at_or_reports_the_bad_case_by_file(Damage damage)
    {
        string root = BadFiles.CopyFolder(Ph2Pristine.Value, $"ph2-{damage}");
        var cases = Ph2Dataset.Load(root);
        var bad = cases[1];
        var (file, says) = BadFiles.Apply(damage, bad.ImagePath, bad.MaskPath, Path.GetDirectoryName(bad.ImagePath)!, "bmp");

        var error = Assert.Throws<BadFileException>(() => Ph2Dataset.Load(root));
        Assert.Equal(file, error.FilePath);
        Assert.Contains(file, error.Message);
        Assert.Contains(says, error.Message);
        Assert.Contains(Advice, word => error.Message.Contains(word));

        var contents = Ph2Dataset.LoadGoodCases(root, decodePixels: true);
        Assert.Equal([cases[0].Name, cases[2].Name], contents.Cases.Select(c => c.Name));
        var problem = Assert.Single(contents.Problems);
        Assert.Equal((bad.Name, file, true), (problem.Case, problem.File, problem.CaseLeftOut));
        Assert.Equal(error.Message, problem.Error);
    }

    [Theory]
    [InlineData(Damage.TruncatedImage)]
    [InlineData(Damage.ZeroByteMask)]
    [InlineData(Damage.NotAnImage)]
    [InlineData(Damage.MissingMask)]
    [InlineData(Damage.MaskOfAnotherSize)]
    [InlineData(Damage.ExtraFile)]
    [InlineData(Damage.DecompressionBomb)]
    public void Mads_stops_at_or_reports_the_bad_frame_by_file(Damage damage)
    {
        string root = BadFiles.CopyFolder(MadsPristine.Value, $"mads-{damage}");
        var frames = MadsDataset.Load(root);
        var bad = frames[1];
        var (file, says) = BadFiles.Apply(damage, bad.ImagePath, bad.MaskPath, Path.GetDirectoryName(bad.ImagePath)!, "png");
        File.Delete(Path.Combine(root, MadsDataset.CsvFileName)); // pair by file name, so a stray file in images/ is met

        var error = Assert.Throws<BadFileException>(() => MadsDataset.Load(root));
        Assert.Equal(file, error.FilePath);
        Assert.Contains(file, error.Message);
        Assert.Contains(Advice, word => error.Message.Contains(word));

        var contents = MadsDataset.LoadGoodCases(root, decodePixels: true);
        var problem = Assert.Single(contents.Problems);
        Assert.Equal(file, problem.File);
        Assert.Equal(error.Message, problem.Error);
        // The stray file is a problem of its own; every real frame is still good then.
        var expectedGood = damage == Damage.ExtraFile ? frames : [frames[0], frames[2]];
        Assert.Equal(expectedGood.Select(f => f.Name), contents.Cases.Select(f => f.Name));
        if (damage != Damage.ExtraFile)
            Assert.Contains(says, error.Message);
    }

    [Fact]
    public void Damage_inside_the_pixel_data_is_found_when_pixels_are_decoded()
    {
        string root = BadFiles.CopyFolder(MadsPristine.Value, "mads-scrambled");
        var frame = MadsDataset.Load(root)[0];
        var bytes = File.ReadAllBytes(frame.ImagePath);
        // Overwrite a stretch in the middle of the compressed pixels; the length and the closing chunk stay.
        Array.Fill(bytes, (byte)0x5A, bytes.Length / 2, 64);
        File.WriteAllBytes(frame.ImagePath, bytes);

        Assert.Empty(MadsDataset.LoadGoodCases(root).Problems); // the headers look fine
        var problem = Assert.Single(MadsDataset.LoadGoodCases(root, decodePixels: true).Problems);
        Assert.Equal(frame.ImagePath, problem.File);
        Assert.Contains("could not be decoded", problem.Error);
        var error = Assert.Throws<BadFileException>(() => ImageTensors.LoadImage(frame.ImagePath, 32));
        Assert.Equal(frame.ImagePath, error.FilePath);
    }

    [Fact]
    public void An_empty_folder_is_not_a_dataset_and_the_error_says_what_to_do()
    {
        string empty = RepoPaths.NewTempFolder("empty");

        var ph2 = Assert.Throws<DirectoryNotFoundException>(() => Ph2Dataset.Load(empty));
        var mads = Assert.Throws<DirectoryNotFoundException>(() => MadsDataset.LoadGoodCases(empty));

        Assert.Contains(empty, ph2.Message);
        Assert.Contains("PH2Dataset", ph2.Message);
        Assert.Contains(empty, mads.Message);
        Assert.Contains("images/", mads.Message);
        Assert.Contains("lesson data sample", mads.Message);
    }

    [Fact]
    public void The_wrong_dataset_folder_or_a_missing_one_is_refused_clearly()
    {
        var wrong = Assert.Throws<DirectoryNotFoundException>(() => Ph2Dataset.Load(MadsPristine.Value));
        Assert.Contains("No PH2 images", wrong.Message);
        var alsoWrong = Assert.Throws<DirectoryNotFoundException>(() => MadsDataset.Load(Ph2Pristine.Value));
        Assert.Contains("No MADS images", alsoWrong.Message);

        string missing = Path.Combine(RepoPaths.NewTempFolder("missing"), "PH2Dataset-typo");
        var absent = Assert.Throws<DirectoryNotFoundException>(() => Ph2Dataset.Load(missing));
        Assert.Contains("does not exist", absent.Message);
    }

    [Fact]
    public void A_folder_in_the_images_folder_that_is_not_a_case_is_reported()
    {
        string root = BadFiles.CopyFolder(Ph2Pristine.Value, "ph2-stray-folder");
        string stray = Path.Combine(root, Ph2Dataset.DatasetFolderName, Ph2Dataset.ImagesFolderName, "IMD003 - Copy");
        Directory.CreateDirectory(stray);

        var contents = Ph2Dataset.LoadGoodCases(root);

        Assert.Equal(3, contents.Cases.Count);
        var problem = Assert.Single(contents.Problems);
        Assert.Equal(stray, problem.File);
        Assert.Contains("not a PH2 case folder", problem.Error);
    }

    [Fact]
    public void A_case_without_a_diagnosis_row_is_used_and_reported()
    {
        string root = BadFiles.CopyFolder(Ph2Pristine.Value, "ph2-no-row");
        string table = Path.Combine(root, Ph2Dataset.DatasetFolderName, Ph2DatasetTable.FileName);
        var cases = Ph2Dataset.Load(root);
        File.WriteAllLines(table, File.ReadAllLines(table).Where(line => !line.Contains(cases[2].Name)));

        var contents = Ph2Dataset.LoadGoodCases(root);

        Assert.Equal(3, contents.Cases.Count);
        Assert.Equal(Ph2Diagnosis.Unknown, contents.Cases[2].Diagnosis);
        var problem = Assert.Single(contents.Problems);
        Assert.Equal((cases[2].Name, table, false), (problem.Case, problem.File, problem.CaseLeftOut));
        Assert.Equal(3, Ph2Dataset.Load(root).Count); // it does not stop the strict load either
    }

    [Fact]
    public void A_case_the_txt_lists_but_whose_folder_is_gone_is_reported()
    {
        string root = BadFiles.CopyFolder(Ph2Pristine.Value, "ph2-gone");
        var cases = Ph2Dataset.Load(root);
        string gone = Path.Combine(root, Ph2Dataset.DatasetFolderName, Ph2Dataset.ImagesFolderName, cases[0].Name);
        Directory.Delete(gone, recursive: true);

        var contents = Ph2Dataset.LoadGoodCases(root);

        Assert.Equal(2, contents.Cases.Count);
        var problem = Assert.Single(contents.Problems);
        Assert.Equal((cases[0].Name, gone), (problem.Case, problem.File));
        Assert.Contains("does not exist", problem.Error);
    }
}
