using System.Text.Json;
using System.Text.Json.Serialization;

namespace Segmentation.Training;

/// <summary>
/// Writes and reads a run's epochs as JSON (the <c>history.json</c> that `lesson train` leaves next to its checkpoints):
/// an array with one object per epoch, named as <see cref="EpochResult"/>'s properties. A diverged run's NaN or infinite
/// numbers are written as the strings "NaN", "Infinity" and "-Infinity" (plain JSON has no such numbers; Python's
/// <c>float("NaN")</c> reads them) instead of failing the write.
/// </summary>
public static class TrainingHistory
{
    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The epochs as JSON text.</summary>
    public static string ToJson(IEnumerable<EpochResult> history) => JsonSerializer.Serialize(history.ToList(), Json);

    /// <summary>Writes the epochs to <paramref name="path"/> (its folder is created if needed).</summary>
    public static void Write(string path, IEnumerable<EpochResult> history)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson(history));
    }

    /// <summary>Reads epochs written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a history; the message names it.</exception>
    public static IReadOnlyList<EpochResult> Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<List<EpochResult>>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{path} is not a training history written by the kit ({error.Message}).", error);
        }
    }
}
