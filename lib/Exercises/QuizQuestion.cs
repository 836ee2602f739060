namespace Segmentation.Exercises;

/// <summary>One choice of a <see cref="QuizQuestion"/>, with the one-line reason it is right or wrong.</summary>
/// <param name="Letter">The letter a learner types: a, b, c, ...</param>
/// <param name="Text">The choice as the question shows it.</param>
/// <param name="Why">
/// Shown when a learner picks this choice: why it is right, or for a wrong choice a hint towards the
/// right one that does not give its letter away, so the learner can think again.
/// </param>
public sealed record QuizOption(char Letter, string Text, string Why)
{
    /// <summary>The choice as the question shows it, in the course's language (see <see cref="Course"/>).</summary>
    public string Text { get => Course.Text(field); init; } = Text;

    /// <summary>Why this choice is right, or a hint towards the right one, in the course's language.</summary>
    public string Why { get => Course.Text(field); init; } = Why;
}

/// <summary>A multiple-choice question with exactly one right answer.</summary>
public sealed class QuizQuestion
{
    /// <summary>A question; the options get the letters a, b, c, ... in order.</summary>
    /// <param name="prompt">The question, e.g. "Segmentation is a ... task".</param>
    /// <param name="answer">The letter of the right option.</param>
    /// <param name="options">Each option's text and its one-line explanation.</param>
    /// <exception cref="ArgumentException">Fewer than two options, or <paramref name="answer"/> names none of them.</exception>
    public QuizQuestion(string prompt, char answer, params (string Text, string Why)[] options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prompt);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Length < 2 || options.Length > 26)
            throw new ArgumentException("A question needs 2 to 26 options.", nameof(options));
        this.prompt = prompt;
        Options = options.Select((o, i) => new QuizOption((char)('a' + i), o.Text, o.Why)).ToArray();
        Answer = char.ToLowerInvariant(answer);
        if (OptionFor(Answer) is null)
            throw new ArgumentException($"The answer '{answer}' is not one of the options {LetterList()}.", nameof(answer));
    }

    readonly string prompt;

    /// <summary>The question text, in the course's language (see <see cref="Course"/>).</summary>
    public string Prompt => Course.Text(prompt);

    /// <summary>The options, lettered a, b, c, ...</summary>
    public IReadOnlyList<QuizOption> Options { get; }

    /// <summary>The letter of the right option (lower case).</summary>
    public char Answer { get; }

    /// <summary>The option with this letter (either case), or null when there is none.</summary>
    public QuizOption? OptionFor(char letter) =>
        Options.FirstOrDefault(o => o.Letter == char.ToLowerInvariant(letter));

    /// <summary>The letters as a learner would read them: "a, b or c".</summary>
    public string LetterList()
    {
        var letters = Options.Select(o => o.Letter.ToString()).ToArray();
        return letters.Length == 1 ? letters[0] : Course.Say("{0} or {1}", string.Join(", ", letters[..^1]), letters[^1]);
    }

    /// <summary>The question and its options on one line each, e.g. for printing the quiz.</summary>
    public override string ToString() =>
        Prompt + Environment.NewLine + string.Join(Environment.NewLine, Options.Select(o => $"   ({o.Letter}) {o.Text}"));
}
