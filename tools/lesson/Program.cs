using Lesson.Tool;

// `lesson <command> [options]`: the kit's command-line face for instructors, scripts and CI.
return await Cli.MainAsync(args);
