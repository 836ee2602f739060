
using Segmentation.Data;
using Segmentation.Samples;

namespace Lesson.Tests.Data;

/// <summary>PH2_dataset.txt, parsed from lines in the real file's format.</summary>
public class Ph2MetadataTests
{
    const string Header =
        "||   Name || Histological Diagnosis || Clinical Diagnosis || Asymmetry | Pigment Network | Dots/Globules | " +
        "Streaks | Regression Areas | Blue-Whitish Veil ||           Colors ||";

    [Fact]
    public void Reads_a_common_nevus_row_with_empty_histology()
    {
        var row = Ph2DatasetTable.ParseRow(
            "|| IMD003 ||                        ||                  0 ||         0 |               T |             A |       A |                A |                 A ||                4 ||");

        Assert.NotNull(row);
        Assert.Equal(("IMD003", "", Ph2Diagnosis.CommonNevus, 0), (row.Name, row.HistologicalDiagnosis, row.Diagnosis, row.Asymmetry));
        Assert.Equal(("T", "A", "A", "A", "A"), (row.PigmentNetwork, row.DotsGlobules, row.Streaks, row.RegressionAreas, row.BlueWhitishVeil));
        Assert.Equal([4], row.Colours);
    }

    [Fact]
    public void Reads_a_melanoma_row_with_histology_and_several_colours()
    {
        var row = Ph2DatasetTable.ParseRow(
            "|| IMD058 ||               Melanoma ||                  2 ||         2 |              AT |            AT |       P |                P |                 P ||    3  4  5  6 ||\r");

        Assert.NotNull(row);
        Assert.Equal("Melanoma", row.HistologicalDiagnosis);
        Assert.Equal(Ph2Diagnosis.Melanoma, row.Diagnosis);
        Assert.Equal(2, row.Asymmetry);
        Assert.Equal(("AT", "AT", "P", "P", "P"), (row.PigmentNetwork, row.DotsGlobules, row.Streaks, row.RegressionAreas, row.BlueWhitishVeil));
        Assert.Equal([3, 4, 5, 6], row.Colours);
    }

    [Fact]
    public void Reads_an_atypical_nevus_row()
    {
        var row = Ph2DatasetTable.ParseRow("|| IMD168 ||  || 1 || 1 | AT | T | A | P | A || 3  4 ||");
        Assert.Equal(Ph2Diagnosis.AtypicalNevus, row!.Diagnosis);
        Assert.Equal("P", row.RegressionAreas);
    }

    [Theory]
    [InlineData(Header)]
    [InlineData("")]
    [InlineData("Legends:")]
    [InlineData("\t0 - Common Nevus;")]
    [InlineData("Clinical Diagnosis:")]
    public void Header_and_legend_lines_are_not_rows(string line) => Assert.Null(Ph2DatasetTable.ParseRow(line));

    [Theory]
    [InlineData("|| IMD010 ||  || 3 || 0 | T | A | A | A | A || 4 ||", "clinical diagnosis is '3'")]
    [InlineData("|| IMD010 ||  || 0 || 0 | T | A | A | A || 4 ||", "criteria group has 5")]
    [InlineData("|| IMD010 ||  || 0 || x | T | A | A | A | A || 4 ||", "asymmetry is 'x'")]
    [InlineData("|| IMD010 ||  || 0 || 0 | T | A | A | A | A || 4 9 ||", "colours include '9'")]
    [InlineData("|| IMD010 || 0 ||", "expected at least 5")]
    public void A_broken_row_says_which_case_and_which_column(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Ph2DatasetTable.ParseRow(line));
        Assert.Contains("IMD010", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Reading_a_file_keeps_the_good_rows_and_reports_the_broken_ones_with_their_line()
    {
        string path = Path.Combine(RepoPaths.NewTempFolder("ph2-txt"), "PH2_dataset.txt");
        File.WriteAllText(path, string.Join("\r\n",
            Header,
            "|| IMD002 ||                        ||                  1 ||         0 |               T |             A |       A |                A |                 A ||             3  4 ||",
            "|| IMD003 ||                        ||                  7 ||         0 |               T |             A |       A |                A |                 A ||                4 ||",
            "|| IMD004 ||               Melanoma ||                  2 ||         2 |              AT |            AT |       P |                P |                 P ||       3  4  5  6 ||",
            "",
            "Legends:",
            "",
            "Clinical Diagnosis:",
            "\t0 - Common Nevus;"));

        var table = Ph2DatasetTable.Read(path);

        Assert.Equal(["IMD002", "IMD004"], table.Rows.Keys.Order());
        var problem = Assert.Single(table.Problems);
        Assert.Equal("IMD003", problem.Case);
        Assert.Equal(path, problem.File);
        Assert.Contains("Line 3", problem.Error);
        Assert.False(problem.CaseLeftOut);
    }

    [Fact]
    public void The_generated_sample_writes_rows_the_parser_reads_back()
    {
        string root = Ph2Sample.Write(RepoPaths.NewTempFolder("ph2-roundtrip"), count: 10, seed: 9);
        var table = Ph2DatasetTable.Read(Path.Combine(root, Ph2Dataset.DatasetFolderName, Ph2DatasetTable.FileName));

        Assert.Equal(10, table.Rows.Count);
        Assert.Empty(table.Problems);
        Assert.Equal(4, table.Rows.Values.Count(r => r.Diagnosis == Ph2Diagnosis.CommonNevus));
        Assert.Equal(2, table.Rows.Values.Count(r => r.Diagnosis == Ph2Diagnosis.Melanoma));
    }
}
