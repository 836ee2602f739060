using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lesson.Tool.Notebooks;

/// <summary>What happened to one code cell.</summary>
internal enum CellStatus
{
    /// <summary>Ran without error.</summary>
    Passed,
    /// <summary>Raised an error; the run stopped here.</summary>
    Failed,
    /// <summary>Not C#, so not run (its old outputs are kept).</summary>
    Skipped,
    /// <summary>Comes after the failing cell.</summary>
    NotRun,
    /// <summary>Was running when the result was last saved: seen only when the process died.</summary>
    Running,
}

/// <summary>One code cell's result. <see cref="Index"/> is 0-based over all cells, markdown included.</summary>
internal sealed class CellRunResult
{
    public int Index { get; set; }
    public string Kernel { get; set; } = "";
    public CellStatus Status { get; set; }
    public double Seconds { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// The small JSON report a child process writes for its notebook. It is rewritten before every
/// cell, so even a process that crashes leaves behind which cell it was in.
/// </summary>
internal sealed class NotebookRunResult
{
    public string Notebook { get; set; } = "";
    public bool Passed { get; set; }
    /// <summary>Every cell in the file, markdown included.</summary>
    public int TotalCells { get; set; }
    /// <summary>Code cells in the file, whatever their language.</summary>
    public int CodeCells { get; set; }
    /// <summary>C# cells executed, the failing one included.</summary>
    public int CellsRun { get; set; }
    /// <summary>0-based index (over all cells) of the cell that failed; null when none did.</summary>
    public int? FailedCellIndex { get; set; }
    public string? Error { get; set; }
    public double Seconds { get; set; }
    /// <summary>Time to create the kernel, before the first cell.</summary>
    public double KernelStartSeconds { get; set; }
    public List<CellRunResult> Cells { get; set; } = [];
    /// <summary>Every line the cells wrote to standard output, in order.</summary>
    public List<string> StandardOutput { get; set; } = [];

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Saves the report, replacing the file in one step so a reader never sees half of it.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, JsonOptions));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads a report; null when the file is missing or unreadable (the child died early).</summary>
    public static NotebookRunResult? TryLoad(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<NotebookRunResult>(File.ReadAllText(path), JsonOptions) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
