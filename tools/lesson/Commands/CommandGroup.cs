using System.CommandLine;

namespace Lesson.Tool.Commands;

/// <summary>A command that only holds others, such as <c>lesson bench</c>.</summary>
static class CommandGroup
{
    /// <summary>The group <paramref name="name"/>; called without one of its commands it names them (exit code 2).</summary>
    public static Command Create(string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands)
            group.Subcommands.Add(command);
        var names = commands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        group.SetAction(_ => NameACommand(names));
        return group;
    }

    static int NameACommand(IReadOnlyList<string> names) => throw new UsageException($"name a command: {Typos.List(names)}");
}
