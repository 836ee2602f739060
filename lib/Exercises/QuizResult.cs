using System.Text;

namespace Segmentation.Exercises;

/// <summary>What happened to one answer of a <see cref="QuizResult"/>.</summary>
public enum AnswerVerdict
{
    /// <summary>The right option.</summary>
    Right,
    /// <summary>A valid option, but not the right one.</summary>
    Wrong,
    /// <summary>No answer yet: '?', a space, or no letter given for this question.</summary>
    NotAnswered,
    /// <summary>A character that is none of the question's letters.</summary>
    Invalid,
}

/// <summary>The verdict on one question, with the sentence the learner reads.</summary>
/// <param name="Number">1-based question number.</param>
/// <param name="Question">The question.</param>
/// <param name="Given">What the learner typed for it ('?' when nothing was given).</param>
/// <param name="Verdict">Right, wrong, not answered or invalid.</param>
/// <param name="Feedback">One line: the verdict in words and why (never just a letter).</param>
public sealed record QuestionFeedback(int Number, QuizQuestion Question, char Given, AnswerVerdict Verdict, string Feedback);

/// <summary>
/// The outcome of <see cref="Quiz.Check(char[])"/>: feedback per question, a score and, when the number of
/// answers did not match the questions, a note saying so. Shown as text in notebooks.
/// </summary>
public sealed class QuizResult
{
    internal QuizResult(string title, IReadOnlyList<QuestionFeedback> questions, string? countNote)
    {
        Title = title;
        Questions = questions;
        CountNote = countNote;
    }

    /// <summary>The quiz's title.</summary>
    public string Title { get; }

    /// <summary>One entry per question, in order.</summary>
    public IReadOnlyList<QuestionFeedback> Questions { get; }

    /// <summary>Set when more or fewer answers were given than there are questions; says what to change.</summary>
    public string? CountNote { get; }

    /// <summary>Questions answered right.</summary>
    public int Score => Questions.Count(q => q.Verdict == AnswerVerdict.Right);

    /// <summary>Questions in the quiz.</summary>
    public int Total => Questions.Count;

    /// <summary>True when every question is answered right and the number of answers matches.</summary>
    public bool AllRight => Score == Total && CountNote is null;

    /// <summary>The feedback as text: a line per question, then the score.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Title);
        if (CountNote is not null)
            text.AppendLine(CountNote);
        foreach (var q in Questions)
            text.AppendLine($"{q.Number}. {q.Question.Prompt}").AppendLine($"   {q.Feedback}");
        bool unanswered = Questions.Any(q => q.Verdict is AnswerVerdict.NotAnswered or AnswerVerdict.Invalid);
        text.Append(Course.Say(
            AllRight ? "Score: {0} of {1}. All right, well done!"
            : unanswered ? "Score: {0} of {1}. Put your letters in the answer cell and run this cell again."
            : "Score: {0} of {1}. Think again about the ones marked wrong, change your letters and run this cell again.",
            Score, Total));
        return text.ToString();
    }
}
