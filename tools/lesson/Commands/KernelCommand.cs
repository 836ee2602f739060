using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lesson.Tool.Notebooks;

namespace Lesson.Tool.Commands;

/// <summary>
/// <c>lesson kernel install [--path DIR]</c>: registers the kit's pinned .NET Interactive kernel with Jupyter,
/// bound to this machine only. It restores the tool manifest (<c>dotnet tool restore</c>), lets
/// <c>dotnet-interactive jupyter install</c> write the kernelspecs, then adds <c>--http-local-only</c> to each
/// one's command line: without it the kernel's web endpoint listens on every network interface, and the
/// install command has no option for it.
/// </summary>
public static class KernelCommand
{
    /// <summary>The argument that keeps the kernel's HTTP endpoint on the loopback interface.</summary>
    public const string LocalOnly = "--http-local-only";

    /// <summary>The C# kernelspec's folder name, as Jupyter lists it.</summary>
    public const string CSharpKernelName = ".net-csharp";

    const string ConnectionFile = "{connection_file}";

    static readonly Option<string?> KernelsFolder = CliOptions.Text("--path", "DIR",
        "the kernels folder (default: your Jupyter kernels folder, e.g. ~/.local/share/jupyter/kernels); "
        + "Jupyter finds kernels in DIR when JUPYTER_PATH names DIR's parent");

    /// <summary>`lesson kernel`, holding `install`.</summary>
    public static Command Create()
    {
        var install = new Command("install", "Install the .NET (C#, F#, PowerShell) kernels of the kit's pinned dotnet-interactive tool "
            + "for Jupyter, listening on 127.0.0.1 only.") { KernelsFolder };
        install.SetAction(Execute);
        return CommandGroup.Create("kernel", "Register the kit's pinned .NET kernel with Jupyter.", install);
    }

    /// <summary>Runs <c>lesson kernel install</c>; 0 installed, 1 failed (2, bad usage, is found by the parser).</summary>
    static int Execute(ParseResult parsed)
    {
        var repoRoot = NotebookDiscovery.FindRepoRoot(Environment.CurrentDirectory);
        if (repoRoot is null)
        {
            Console.Error.WriteLine($"lesson kernel install: cannot find Lesson.sln in {Environment.CurrentDirectory} or above; run it inside the course kit, whose tool manifest pins the kernel.");
            return 1;
        }

        string kernels = Path.GetFullPath(parsed.GetValue(KernelsFolder) ?? DefaultKernelsFolder());
        Directory.CreateDirectory(kernels);

        if (!RunDotnet(repoRoot, "tool", "restore"))
            return 1;
        // Exit codes are not enough: the install command prints an error for an unknown option and still returns 0.
        if (!RunDotnet(repoRoot, "dotnet-interactive", "jupyter", "install", "--path", kernels))
            return 1;

        var specs = Directory.GetDirectories(kernels, ".net-*").Select(d => Path.Combine(d, "kernel.json")).Where(File.Exists).ToList();
        if (!specs.Any(s => Path.GetFileName(Path.GetDirectoryName(s)) == CSharpKernelName))
        {
            Console.Error.WriteLine($"lesson kernel install: dotnet-interactive wrote no {CSharpKernelName}/kernel.json in {kernels}; see its messages above.");
            return 1;
        }

        foreach (var spec in specs)
        {
            string? problem = AddLocalOnly(spec);
            if (problem is not null)
            {
                Console.Error.WriteLine($"lesson kernel install: {spec}: {problem}");
                return 1;
            }
        }

        Console.WriteLine($"Installed {string.Join(", ", specs.Select(s => Path.GetFileName(Path.GetDirectoryName(s))))} in {kernels}, listening on 127.0.0.1 only ({LocalOnly}).");
        Console.WriteLine("The kernel starts the kit's pinned dotnet-interactive, so open notebooks from inside the kit, e.g.:");
        Console.WriteLine(IsOnJupyterPath(kernels)
            ? "  jupyter lab notebooks/"
            : $"  JUPYTER_PATH=\"{Path.GetDirectoryName(kernels)}\" jupyter lab notebooks/");
        return 0;
    }

    /// <summary>
    /// Puts <see cref="LocalOnly"/> right after <c>{connection_file}</c> in the kernelspec's argv (once: running the
    /// install again changes nothing). Returns what is wrong with the file, or null when it is done.
    /// </summary>
    public static string? AddLocalOnly(string kernelJsonPath)
    {
        JsonNode? spec;
        try
        {
            spec = JsonNode.Parse(File.ReadAllText(kernelJsonPath));
        }
        catch (JsonException error)
        {
            return "not valid JSON: " + error.Message;
        }
        if (spec?["argv"] is not JsonArray argv)
            return "it has no \"argv\" list";

        var arguments = argv.Select(a => a?.GetValue<string>()).ToList();
        if (arguments.Contains(LocalOnly))
            return null;
        int at = arguments.IndexOf(ConnectionFile);
        if (at < 0)
            return $"its argv has no \"{ConnectionFile}\"";
        argv.Insert(at + 1, LocalOnly);
        File.WriteAllText(kernelJsonPath, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        return null;
    }

    /// <summary>Where Jupyter looks for the user's kernels on this system (its "data dir" plus "kernels").</summary>
    public static string DefaultKernelsFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } dataDir)
            return Path.Combine(dataDir, "kernels");
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS())
            return Path.Combine(home, "Library", "Jupyter", "kernels");
        string dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(dataHome, "jupyter", "kernels");
    }

    static bool IsOnJupyterPath(string kernels)
    {
        string parent = Path.GetDirectoryName(kernels) ?? "";
        var onPath = (Environment.GetEnvironmentVariable("JUPYTER_PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar));
        return Path.GetFullPath(kernels) == Path.GetFullPath(DefaultKernelsFolder())
               || onPath.Contains(parent.TrimEnd(Path.DirectorySeparatorChar));
    }

    /// <summary>Runs <c>dotnet ARGS</c> in <paramref name="folder"/>, its output passed through; false (with a message) when it fails.</summary>
    static bool RunDotnet(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = folder, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            if (process.ExitCode == 0)
                return true;
            Console.Error.WriteLine($"lesson kernel install: 'dotnet {string.Join(' ', args)}' failed with exit code {process.ExitCode}.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            Console.Error.WriteLine($"lesson kernel install: could not start dotnet: {error.Message}");
        }
        return false;
    }

    /// <summary>The dotnet host running this tool when started as <c>dotnet lesson.dll</c>, else the one the SDK names, else "dotnet" on the PATH.</summary>
    static string DotnetHost()
    {
        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }
}
