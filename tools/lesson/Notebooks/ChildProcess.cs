using System.Diagnostics;
using System.Reflection;

namespace Lesson.Tool.Notebooks;

/// <summary>How a child process ended.</summary>
/// <param name="ExitCode">The process exit code (128 + signal number when a signal killed it on Linux).</param>
/// <param name="TimedOut">True when it ran past the time limit and was killed.</param>
/// <param name="Diagnostics">The first and last lines it wrote to stderr and stdout, for error reports.</param>
internal sealed record ChildOutcome(int ExitCode, bool TimedOut, string Diagnostics);

/// <summary>
/// Starts this same tool again as a child process. Each notebook gets its own process, so one
/// notebook's loaded assemblies, static state or native crash cannot affect the next.
/// </summary>
internal static class ChildProcess
{
    const int HeadLines = 20, TailLines = 10;

    /// <summary>
    /// Runs <c>lesson ARGS</c> in <paramref name="workingDirectory"/> and waits for it; after
    /// <paramref name="timeout"/> kills it with all its children.
    /// </summary>
    public static async Task<ChildOutcome> RunToolAsync(IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var (fileName, launcherArgs) = ToolLauncher();
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in launcherArgs.Concat(args))
            start.ArgumentList.Add(arg);

        // Lets the library (and notebook code) know it runs headless, without a person watching.
        start.Environment["LESSON_RUNNER"] = "1";

        // Keep the start (the error message) and the end (the last frames) of what it prints.
        var diagnostics = new HeadAndTail(HeadLines, TailLines);

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => diagnostics.Add(e.Data);
        process.ErrorDataReceived += (_, e) => diagnostics.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var limit = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited just now, on its own.
                }

                await process.WaitForExitAsync();
            }
        }

        return new ChildOutcome(process.ExitCode, timedOut, diagnostics.ToString());
    }

    /// <summary>
    /// How to start this tool again. Run as an apphost (<c>lesson</c>, what <c>dotnet run</c>
    /// starts), <see cref="Environment.ProcessPath"/> is the tool itself; run as
    /// <c>dotnet lesson.dll</c>, it is the dotnet host, which needs the assembly path first.
    /// When some other program hosts this code (a test runner), start lesson.dll with dotnet.
    /// </summary>
    static (string FileName, string[] Args) ToolLauncher()
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var toolAssembly = typeof(ChildProcess).Assembly;
        var hostIsDotnet = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);

        if (Assembly.GetEntryAssembly() == toolAssembly && !hostIsDotnet)
            return (processPath, []);

        var dotnet = hostIsDotnet ? processPath : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return (dotnet, [toolAssembly.Location]);
    }

    /// <summary>Remembers the first and the last lines of a long output.</summary>
    sealed class HeadAndTail(int headCount, int tailCount)
    {
        readonly List<string> head = [];
        readonly Queue<string> tail = new();
        int skipped;

        public void Add(string? line)
        {
            if (line is null) return;
            lock (head)
            {
                if (head.Count < headCount)
                {
                    head.Add(line);
                    return;
                }

                tail.Enqueue(line);
                if (tail.Count > tailCount)
                {
                    tail.Dequeue();
                    skipped++;
                }
            }
        }

        public override string ToString()
        {
            lock (head)
            {
                var gap = skipped > 0 ? [$"... ({skipped} lines left out) ..."] : Array.Empty<string>();
                return string.Join('\n', head.Concat(gap).Concat(tail));
            }
        }
    }
}
