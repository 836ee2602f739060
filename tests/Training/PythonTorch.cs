using System.Diagnostics;

namespace Lesson.Tests.Training;

/// <summary>
/// A Python interpreter with PyTorch installed (e.g. Debian's python3-torch), if this machine has one. The kit does
/// not need Python: tests that compare with real PyTorch are reported as skipped, never as passed, where it is missing.
/// </summary>
static class PythonTorch
{
    // Found without importing (importing torch takes seconds, and test discovery asks on every run).
    static readonly Lazy<string?> Interpreter = new(() =>
        new[] { "python3", "/usr/bin/python3", "python" }.FirstOrDefault(candidate => Finds(candidate, "torch")));

    /// <summary>The interpreter's command, or null when no Python on this machine imports torch.</summary>
    public static string? Path => Interpreter.Value;

    /// <summary>True when that interpreter also imports <paramref name="module"/>.</summary>
    public static bool Has(string module) => Path != null && Finds(Path, module);

    static bool Finds(string interpreter, string module) =>
        Run(interpreter, $"import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('{module}') else 1)", TimeSpan.FromMinutes(1)).ExitCode == 0;

    /// <summary>Runs <paramref name="script"/> with the interpreter (as <c>python -c</c>, <paramref name="args"/> in sys.argv[1:]) and returns exit code and output.</summary>
    public static (int ExitCode, string Output, string Error) Run(string interpreter, string script, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(interpreter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", $"timed out after {timeout}");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception error)   // no such program
        {
            return (-1, "", error.Message);
        }
    }
}

/// <summary>A fact that needs Python with PyTorch (and the named modules): skipped, with the reason, where they are missing.</summary>
sealed class PythonTorchFactAttribute : FactAttribute
{
    public PythonTorchFactAttribute(params string[] modules)
    {
        if (PythonTorch.Path is null)
            Skip = "no Python with PyTorch on this machine (on Debian: apt-get install python3-torch)";
        else if (modules.FirstOrDefault(m => !PythonTorch.Has(m)) is string missing)
            Skip = $"{PythonTorch.Path} cannot import {missing}";
    }
}
