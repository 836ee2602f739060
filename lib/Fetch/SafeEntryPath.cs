namespace Segmentation.Fetch;

/// <summary>
/// Turns the name of an archive entry into a path inside the destination folder, or refuses it. Archives are
/// written by strangers: a name such as <c>../../.bashrc</c>, <c>/etc/passwd</c> or <c>C:\Windows\x</c> would
/// otherwise write outside the folder the learner asked for ("zip slip").
/// </summary>
public static class SafeEntryPath
{
    /// <summary>
    /// Returns the full path <paramref name="entryName"/> extracts to under <paramref name="destinationFolder"/>.
    /// Both / and \ separate folders (archives made on Windows use \).
    /// </summary>
    /// <exception cref="UnsafeArchiveException">The name is absolute, has a drive letter or a colon, climbs out with
    /// <c>..</c>, names nothing, or would resolve outside the destination.</exception>
    public static string Resolve(string destinationFolder, string entryName)
    {
        var name = entryName.Replace('\\', '/');
        string? problem =
            name.Length == 0 || name.Contains('\0') ? "is empty or contains a NUL character" :
            name.StartsWith('/') ? "is an absolute path" :
            name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':' ? "starts with a drive letter" :
            null;
        var segments = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToArray();
        problem ??=
            segments.Contains("..") ? "climbs out of the folder with '..'" :
            segments.Any(s => s.Contains(':')) ? "contains ':' (a drive or a Windows alternate data stream)" :
            segments.Length == 0 ? "names no file" :
            null;

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destinationFolder));
        if (problem is null)
        {
            // Belt and braces: whatever the rules above missed (Windows trims trailing dots and spaces, for one),
            // the final path must still lie inside the destination.
            var full = Path.GetFullPath(Path.Combine([root, .. segments]));
            if (full.StartsWith(root + Path.DirectorySeparatorChar, PathComparison))
                return full;
            problem = "resolves outside the destination";
        }
        throw new UnsafeArchiveException(
            $"The archive entry '{entryName}' {problem}; extracting it would write outside '{root}'. " +
            "Nothing was extracted. Get the archive from a trusted source.");
    }

    static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
