using System.Text;

namespace Segmentation.Exercises;

/// <summary>
/// A short multiple-choice quiz for a notebook. Show it by making it a cell's last expression, answer in a cell
/// such as <c>var answers = new[] { 'b', '?', 'c' };</c> and mark it with <see cref="Check(char[])"/>.
/// Checking never throws on a learner's input: unanswered questions ('?'), letters that are not choices and a
/// wrong number of answers all come back as friendly lines in the result, so a notebook still runs top to bottom.
/// </summary>
public sealed class Quiz
{
    /// <summary>A quiz with a title and its questions, in order.</summary>
    /// <exception cref="ArgumentException">No questions.</exception>
    public Quiz(string title, params QuizQuestion[] questions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Length == 0)
            throw new ArgumentException("A quiz needs at least one question.", nameof(questions));
        this.title = title;
        Questions = questions.ToArray();
    }

    readonly string title;

    /// <summary>
    /// The quiz's title. It, the questions and their options are written in English and shown in the course's
    /// language (<see cref="Course.UseLanguage"/>) when its catalogue translates them.
    /// </summary>
    public string Title => Course.Text(title);

    /// <summary>The questions, in order.</summary>
    public IReadOnlyList<QuizQuestion> Questions { get; }

    /// <summary>What a learner types for a question they have not answered yet.</summary>
    public const char NotAnswered = '?';

    /// <summary>
    /// The three questions to try before the lesson (notebook 01): segmentation families, what kind of task it
    /// is, and what segmentation networks are made of.
    /// </summary>
    public static Quiz BeforeTheLesson { get; } = new(
        "Quiz before the lesson",
        new QuizQuestion(
            "How many families of segmentation algorithms are there?", 'b',
            ("1", "There is more than one: one family labels pixels by class only, another also tells objects of the same class apart."),
            ("2", "Semantic segmentation gives every pixel a class; instance segmentation also separates objects of the same class (three sheep, not one sheep region)."),
            ("3", "Fewer: the lesson contrasts labelling pixels by class only with also telling objects of one class apart (panoptic segmentation combines those two).")),
        new QuizQuestion(
            "Segmentation is a ... task.", 'a',
            ("computer vision", "It works on images: a class for every pixel, where image classification gives one class for the whole picture."),
            ("natural language processing (NLP)", "NLP works on text; think about what the input of segmentation is."),
            ("neural networks", "Neural networks are a tool that can solve it, not a kind of task; ask what kind of data the task is about.")),
        new QuizQuestion(
            "Segmentation networks consist of ...", 'b',
            ("a classifier and a divider", "Every pixel is classified, but there is no 'divider': look for one part that shrinks the image into features and one that grows them back into a mask."),
            ("an encoder and a decoder", "The encoder turns the image into smaller, deeper feature maps; the decoder turns them back into a mask the size of the image."),
            ("a generator and a discriminator", "That pair is a GAN, which learns to make new images; a segmentation network has one half that compresses and one that expands.")));

    /// <summary>
    /// The three questions to answer after the lesson (end of notebook 03): encoder, decoder, and what SegNet
    /// relies on to train a deep stack of layers.
    /// </summary>
    public static Quiz AfterTheLesson { get; } = new(
        "Quiz after the lesson",
        new QuizQuestion(
            "The ... extracts features from the input image.", 'c',
            ("decoder", "The decoder works the other way round: it starts from features and ends with the mask."),
            ("generator", "Generators belong to GANs, which make new images; the half of a segmentation network that reads the image has another name."),
            ("encoder", "Convolutions and pooling turn the image into ever smaller maps with more channels: its features.")),
        new QuizQuestion(
            "The ... turns the features into the mask image.", 'a',
            ("decoder", "Upsampling and convolutions grow the features back to the input's height and width, with one channel per class."),
            ("generator", "Generators make new images in GANs; in an encoder-decoder network the mask comes out of the second half."),
            ("encoder", "The encoder makes the features out of the image; the mask comes out of the other half.")),
        new QuizQuestion(
            "SegNet relies on ... to train a multi-layer network.", 'a',
            ("batch normalization", "Each block ends with a batch-norm layer that rescales every channel over the batch, which keeps a deep stack of layers trainable."),
            ("height normalization", "There is no such layer: look at the layers inside each block of ModelSummary.Of(new SegNet(), 1, 3, 64, 64)."),
            ("weight normalization", "Weight normalization exists, but SegNet's blocks normalise something else, over each batch: look at the layers of a ConvBlock.")));

    /// <summary>
    /// Marks <paramref name="answers"/>, one letter per question in order ('?' or a space for "not answered yet");
    /// letters may be upper or lower case. Returns feedback per question and the score; never throws on the
    /// learner's input (null counts as no answers).
    /// </summary>
    public QuizResult Check(params char[]? answers)
    {
        answers ??= [];
        var feedback = new List<QuestionFeedback>();
        for (int i = 0; i < Questions.Count; i++)
        {
            var question = Questions[i];
            char given = i < answers.Length ? answers[i] : NotAnswered;
            feedback.Add(Mark(i + 1, question, given));
        }
        string? countNote = null;
        if (answers.Length < Questions.Count)
            countNote = Course.Say("You gave {0} for {1} questions: give one letter per question ({2} for one you have not answered yet).",
                Count(answers.Length), Questions.Count, NotAnswered);
        else if (answers.Length > Questions.Count)
            countNote = Course.Say("You gave {0} for {1} questions: only the first {1} were marked; remove the extra ones.",
                Count(answers.Length), Questions.Count);
        return new QuizResult(Title, feedback, countNote);
    }

    /// <summary>
    /// Marks answers written as text, one letter per question, e.g. <c>"bab"</c> or <c>"b, a, ?"</c>: commas and
    /// spaces between the letters are ignored.
    /// </summary>
    public QuizResult Check(string? answers) =>
        Check((answers ?? "").Where(c => c != ',' && !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The quiz as text: its title, then each question with its lettered options.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Title).AppendLine();
        for (int i = 0; i < Questions.Count; i++)
            text.AppendLine().Append(i + 1).Append(". ").AppendLine(Questions[i].ToString());
        return text.ToString().TrimEnd();
    }

    static QuestionFeedback Mark(int number, QuizQuestion question, char given)
    {
        if (given == NotAnswered || given == '\0' || char.IsWhiteSpace(given))
            return new(number, question, NotAnswered, AnswerVerdict.NotAnswered,
                Course.Say("not answered yet: replace '{0}' with {1}.", NotAnswered, question.LetterList()));
        var option = question.OptionFor(given);
        if (option is null)
            return new(number, question, given, AnswerVerdict.Invalid,
                Course.Say("'{0}' is not one of the choices: answer with {1}.", given, question.LetterList()));
        bool right = option.Letter == question.Answer;
        return new(number, question, option.Letter, right ? AnswerVerdict.Right : AnswerVerdict.Wrong,
            Course.Say(right ? "right: ({0}) {1}. {2}" : "not quite: ({0}) {1}. {2}", option.Letter, option.Text, option.Why));
    }

    static string Count(int answers) => answers == 1 ? Course.Text("1 answer") : Course.Say("{0} answers", answers);
}
