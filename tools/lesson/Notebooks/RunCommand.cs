namespace Lesson.Tool.Notebooks;

public static class RunCommand
{
    public const string ChildCommandName = "run-notebook-child";
    public static Task<int> ExecuteAsync(string[] args) => Task.FromResult(1);
    public static Task<int> ExecuteChildAsync(string[] args) => Task.FromResult(1);
}
