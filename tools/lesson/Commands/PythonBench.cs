using System.Diagnostics;
using System.Text.Json;

namespace Lesson.Tool.Commands;

/// <summary>
/// Runs the PyTorch side of the speed comparisons (<c>tools/bench/pytorch_step.py</c>, copied next to the tool) and the
/// kit's side in a fresh process of this tool, and reads the JSON line each prints. Both sides start cold, take turns,
/// and run with the same number of threads and the same allocator settings.
/// </summary>
static class PythonBench
{
    /// <summary>Where the build puts the script.</summary>
    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "bench", "pytorch_step.py");

    // What GlibcMalloc does for the kit (keep freed memory instead of handing it back to the OS), given to Python through
    // glibc's environment settings, so that neither side pays for page faults the other avoids.
    const string MallocTunables = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824";

    /// <summary>
    /// The interpreter to use: <paramref name="requested"/> when given, else the first of python3 on the PATH and the system's
    /// /usr/bin/python3 (where Linux distributions install their torch package) that can import torch. Null and a message
    /// saying how to install PyTorch when none can.
    /// </summary>
    public static (string? Python, string? Problem) Find(string? requested)
    {
        string[] candidates = requested is not null ? [requested]
            : OperatingSystem.IsWindows() ? ["python"] : ["python3", "/usr/bin/python3"];
        string? firstProblem = null;
        foreach (string python in candidates.Distinct())
        {
            string? problem = Problem(python);
            if (problem is null)
                return (python, null);
            firstProblem ??= problem;
        }
        return (null, firstProblem);
    }

    /// <summary>Null when <paramref name="python"/> can import torch and numpy; otherwise what is missing and how to install it.</summary>
    static string? Problem(string python)
    {
        if (!File.Exists(ScriptPath))
            return $"the PyTorch script is missing from {ScriptPath}; rebuild the tool (dotnet build tools/lesson).";
        try
        {
            var (exitCode, _, errors) = Start(python, ["-c", "import torch, numpy"]);
            if (exitCode == 0)
                return null;
            string last = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? $"exit code {exitCode}";
            return $"'{python}' cannot import PyTorch ({last}). " + InstallAdvice;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"there is no '{python}' on this machine. " + InstallAdvice;
        }
    }

    const string InstallAdvice =
        "To compare with PyTorch, install Python 3 with PyTorch and NumPy (and Pillow for `bench epoch`): on Debian or Ubuntu "
        + "`sudo apt-get install python3-torch python3-numpy python3-pil`, elsewhere `python3 -m pip install torch numpy pillow`; "
        + "or name an interpreter that has them with --python PATH.";

    /// <summary>Runs the PyTorch script with <paramref name="arguments"/> and returns its JSON result.</summary>
    public static JsonElement RunPython(string python, IEnumerable<string> arguments) =>
        Parse(python + " " + ScriptPath, Start(python, [ScriptPath, .. arguments], environment: ("GLIBC_TUNABLES", MallocTunables)));

    /// <summary>Runs this tool again with <paramref name="arguments"/> (a `--json` command) and returns its JSON result.</summary>
    public static JsonElement RunKit(IEnumerable<string> arguments)
    {
        string tool = Environment.ProcessPath!;
        var all = new List<string>();
        if (Path.GetFileNameWithoutExtension(tool) == "dotnet")
            all.Add(typeof(PythonBench).Assembly.Location);
        all.AddRange(arguments);
        return Parse("lesson " + string.Join(' ', arguments), Start(tool, all));
    }

    static JsonElement Parse(string what, (int ExitCode, string Output, string Errors) run)
    {
        string? line = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.TrimStart().StartsWith('{'));
        if (run.ExitCode != 0 || line is null)
            throw new InvalidOperationException($"{what} failed (exit code {run.ExitCode}): {run.Errors.Trim()}");
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    static (int ExitCode, string Output, string Errors) Start(string program, IEnumerable<string> arguments,
        (string Name, string Value)? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (environment is var (name, value))
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    /// <summary>The middle value (mean of the two middle ones for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
