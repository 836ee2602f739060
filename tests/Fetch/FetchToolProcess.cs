using System.Diagnostics;

namespace Lesson.Tests.Fetch;

/// <summary>
/// Runs the real `lesson` tool in a child process with a controlled environment: no Kaggle variables from the
/// machine running the tests, and a home folder of the test's choosing (so no real ~/.kaggle is read).
/// </summary>
static class FetchToolProcess
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static Result Run(string home, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = home,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "KAGGLE_USERNAME", "KAGGLE_KEY", "KAGGLE_CONFIG_DIR" })
            start.Environment.Remove(name);
        start.Environment["HOME"] = home;
        start.Environment["USERPROFILE"] = home;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        start.ArgumentList.Add(RepoPaths.ToolDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"lesson {string.Join(' ', args)} did not finish within 60 s");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
