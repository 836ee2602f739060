using System.Text.Json;

namespace Lesson.Tests.Notebooks;

/// <summary>What an executed (or committed) notebook shows: its text, its pictures and its charts.</summary>
public sealed class NotebookOutputs
{
    NotebookOutputs(string text, int pictures, int charts, int chartPictures, int errors, bool trains)
    {
        Text = text;
        Pictures = pictures;
        Charts = charts;
        ChartPictures = chartPictures;
        Errors = errors;
        Trains = trains;
    }

    /// <summary>Every printed line and plain-text display, in order.</summary>
    public string Text { get; }

    /// <summary>Outputs stored as PNG pictures.</summary>
    public int Pictures { get; }

    /// <summary>Training-curve charts (plotly.js, from <c>TrainingCurves</c>).</summary>
    public int Charts { get; }

    /// <summary>
    /// Charts whose static picture comes just before them in the same cell, as an output with image/png and no
    /// text/html (a viewer that picks one MIME type per output, HTML first, must still pick the picture).
    /// </summary>
    public int ChartPictures { get; }

    /// <summary>Outputs of type "error".</summary>
    public int Errors { get; }

    /// <summary>Whether a code cell trains a network (calls <c>.Fit(</c>).</summary>
    public bool Trains { get; }

    public static NotebookOutputs Read(string path)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(path));
        var text = new List<string>();
        int pictures = 0, charts = 0, chartPictures = 0, errors = 0;
        bool trains = false;
        foreach (var cell in notebook.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() == "code" && Joined(cell.GetProperty("source")).Contains(".Fit(", StringComparison.Ordinal))
                trains = true;
            if (!cell.TryGetProperty("outputs", out var outputs))
                continue;
            bool afterPictureOnly = false; // the previous output of this cell is a picture without HTML
            foreach (var output in outputs.EnumerateArray())
            {
                if (output.GetProperty("output_type").GetString() == "error")
                    errors++;
                if (output.TryGetProperty("text", out var printed))
                    text.Add(Joined(printed));
                if (!output.TryGetProperty("data", out var data))
                {
                    afterPictureOnly = false;
                    continue;
                }
                if (data.TryGetProperty("text/plain", out var plain))
                    text.Add(Joined(plain));
                bool picture = data.TryGetProperty("image/png", out _), hasHtml = data.TryGetProperty("text/html", out var html);
                if (picture)
                    pictures++;
                if (hasHtml && Joined(html).Contains("class=\"training-curves\"", StringComparison.Ordinal))
                {
                    charts++;
                    if (afterPictureOnly)
                        chartPictures++;
                }
                afterPictureOnly = picture && !hasHtml;
            }
        }
        return new NotebookOutputs(string.Join("\n", text), pictures, charts, chartPictures, errors, trains);
    }

    static string Joined(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(s => s.GetString())) : value.GetString() ?? "";
}
