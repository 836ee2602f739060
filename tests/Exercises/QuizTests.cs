using Microsoft.DotNet.Interactive.Formatting;
using Segmentation.Exercises;
using Segmentation.Interactive;

namespace Lesson.Tests.Exercises;

/// <summary>Quiz checking against the lesson's real questions: right, wrong, unanswered and invalid input.</summary>
public class QuizTests
{
    // What the notebooks' load cell does: the quiz formatters live in the notebook front end.
    public QuizTests() => NotebookFormatters.Register();

    [Fact]
    public void The_lesson_quizzes_have_three_questions_each_with_the_answers_of_the_original()
    {
        Assert.Equal("bab", new string(Quiz.BeforeTheLesson.Questions.Select(q => q.Answer).ToArray()));
        Assert.Equal("caa", new string(Quiz.AfterTheLesson.Questions.Select(q => q.Answer).ToArray()));
        Assert.Equal("2", Quiz.BeforeTheLesson.Questions[0].OptionFor('b')!.Text);
        Assert.Equal("encoder", Quiz.AfterTheLesson.Questions[0].OptionFor('c')!.Text);
        Assert.Equal("batch normalization", Quiz.AfterTheLesson.Questions[2].OptionFor('a')!.Text);
    }

    [Fact]
    public void Notebooks_show_a_quiz_and_its_result_as_text_not_as_a_table_of_properties()
    {
        var result = Quiz.BeforeTheLesson.Check("b??");

        Assert.Equal(result.ToString(), result.ToDisplayString("text/plain"));
        Assert.StartsWith("<pre>", result.ToDisplayString("text/html"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Quiz.BeforeTheLesson.Questions[0].Prompt), Quiz.BeforeTheLesson.ToDisplayString("text/html"));
    }

    [Fact]
    public void Every_option_explains_itself_in_words()
    {
        foreach (var quiz in new[] { Quiz.BeforeTheLesson, Quiz.AfterTheLesson })
            foreach (var question in quiz.Questions)
                foreach (var option in question.Options)
                    Assert.True(option.Why.Split(' ').Length >= 8, $"'{option.Text}' of '{question.Prompt}' needs a real explanation");
    }

    [Fact]
    public void All_right_answers_score_full_marks_and_say_why()
    {
        var result = Quiz.BeforeTheLesson.Check('b', 'a', 'b');

        Assert.Equal(3, result.Score);
        Assert.Equal(3, result.Total);
        Assert.True(result.AllRight);
        Assert.All(result.Questions, q => Assert.Equal(AnswerVerdict.Right, q.Verdict));
        Assert.StartsWith("right: (b) 2. Semantic segmentation", result.Questions[0].Feedback);
        Assert.Contains("Score: 3 of 3", result.ToString());
    }

    [Fact]
    public void Upper_case_letters_and_text_answers_are_accepted()
    {
        Assert.Equal(3, Quiz.AfterTheLesson.Check('C', 'A', 'A').Score);
        Assert.Equal(3, Quiz.AfterTheLesson.Check("caa").Score);
        Assert.Equal(3, Quiz.AfterTheLesson.Check("c, a, a").Score);
    }

    [Fact]
    public void A_wrong_answer_is_marked_wrong_with_a_hint_that_does_not_give_the_letter_away()
    {
        var result = Quiz.AfterTheLesson.Check('a', 'a', 'c');

        Assert.Equal(1, result.Score);
        Assert.False(result.AllRight);
        var first = result.Questions[0];
        Assert.Equal(AnswerVerdict.Wrong, first.Verdict);
        Assert.Equal('a', first.Given);
        Assert.StartsWith("not quite: (a) decoder. The decoder works the other way round", first.Feedback);
        Assert.DoesNotContain("(c)", first.Feedback);
        Assert.Equal(AnswerVerdict.Wrong, result.Questions[2].Verdict);
        Assert.Contains("Think again", result.ToString());
    }

    [Fact]
    public void Question_marks_and_blanks_are_not_answered_yet_and_do_not_throw()
    {
        var result = Quiz.BeforeTheLesson.Check('?', ' ', 'b');

        Assert.Equal(1, result.Score);
        Assert.Equal(AnswerVerdict.NotAnswered, result.Questions[0].Verdict);
        Assert.Equal(AnswerVerdict.NotAnswered, result.Questions[1].Verdict);
        Assert.Equal("not answered yet: replace '?' with a, b or c.", result.Questions[0].Feedback);
        Assert.Null(result.CountNote);
        Assert.Contains("Put your letters in the answer cell", result.ToString());
    }

    [Fact]
    public void A_letter_that_is_not_a_choice_is_reported_as_invalid()
    {
        var result = Quiz.BeforeTheLesson.Check('d', '1', 'b');

        Assert.Equal(AnswerVerdict.Invalid, result.Questions[0].Verdict);
        Assert.Equal("'d' is not one of the choices: answer with a, b or c.", result.Questions[0].Feedback);
        Assert.Equal(AnswerVerdict.Invalid, result.Questions[1].Verdict);
        Assert.Equal(1, result.Score);
    }

    [Fact]
    public void Too_few_answers_mark_the_rest_unanswered_and_say_so()
    {
        var result = Quiz.BeforeTheLesson.Check('b');

        Assert.Equal(1, result.Score);
        Assert.Equal(AnswerVerdict.NotAnswered, result.Questions[2].Verdict);
        Assert.Equal("You gave 1 answer for 3 questions: give one letter per question (? for one you have not answered yet).", result.CountNote);
        Assert.False(result.AllRight);
    }

    [Fact]
    public void Too_many_answers_mark_the_first_ones_and_say_so()
    {
        var result = Quiz.BeforeTheLesson.Check("baba");

        Assert.Equal(3, result.Score);
        Assert.False(result.AllRight);
        Assert.Contains("You gave 4 answers for 3 questions: only the first 3 were marked", result.CountNote);
        Assert.Contains(result.CountNote!, result.ToString());
    }

    [Fact]
    public void No_answers_at_all_is_not_an_error()
    {
        Assert.Equal(0, Quiz.BeforeTheLesson.Check((char[]?)null).Score);
        Assert.Equal(0, Quiz.BeforeTheLesson.Check((string?)null).Score);
        Assert.Equal(0, Quiz.BeforeTheLesson.Check("").Score);
    }

    [Fact]
    public void The_quiz_prints_its_questions_with_lettered_options()
    {
        string text = Quiz.AfterTheLesson.ToString();

        Assert.StartsWith("Quiz after the lesson", text);
        Assert.Contains("3. SegNet relies on ... to train a multi-layer network.", text);
        Assert.Contains("   (b) height normalization", text);
    }

    [Fact]
    public void A_question_must_have_its_answer_among_its_options()
    {
        Assert.Throws<ArgumentException>(() => new QuizQuestion("Pick one", 'c', ("x", "because"), ("y", "because")));
        Assert.Throws<ArgumentException>(() => new QuizQuestion("Pick one", 'a', ("x", "because")));
    }
}
