using Segmentation.Training;

namespace Lesson.Tests.Training;

/// <summary>Settings are checked where they are written, with a message that names the setting.</summary>
public class TrainingOptionsTests
{
    public static TheoryData<string, Func<TrainingOptions>> BadOptions() => new()
    {
        { "BatchSize", () => new TrainingOptions { BatchSize = 0 } },
        { "BatchSize", () => new TrainingOptions { BatchSize = -4 } },
        { "Epochs", () => new TrainingOptions { Epochs = -1 } },
        { "LearningRate", () => new TrainingOptions { LearningRate = 0 } },
        { "LearningRate", () => new TrainingOptions { LearningRate = double.NaN } },
        { "LearningRate", () => new TrainingOptions { LearningRate = double.PositiveInfinity } },
        { "WeightDecay", () => new TrainingOptions { WeightDecay = -1e-6 } },
        { "EarlyStoppingPatience", () => new TrainingOptions { EarlyStoppingPatience = 0 } },
        { "Optimizer", () => new TrainingOptions { Optimizer = (OptimizerKind)7 } },
        { "Schedule", () => new TrainingOptions { Schedule = null! } },
        { "BatchSize", () => new TrainingOptions() with { BatchSize = 0 } },   // `with` goes through the same check
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void A_bad_setting_is_refused_where_it_is_written_and_named(string setting, Func<TrainingOptions> build)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => build());
        Assert.Equal(setting, error.ParamName);
        Assert.Contains(setting, error.Message);
    }

    [Fact]
    public void Good_settings_are_kept_as_written()
    {
        var options = new TrainingOptions { Epochs = 0, BatchSize = 1, LearningRate = 5e-4, WeightDecay = 0, EarlyStoppingPatience = 1 };
        Assert.Equal((0, 1, 5e-4, 0.0, (int?)1), (options.Epochs, options.BatchSize, options.LearningRate, options.WeightDecay, options.EarlyStoppingPatience));
        Assert.Null(new TrainingOptions { EarlyStoppingPatience = null }.EarlyStoppingPatience);
    }

    [Theory]
    [InlineData(0, 0.1, "everyEpochs")]
    [InlineData(-2, 0.1, "everyEpochs")]
    [InlineData(3, 0, "factor")]
    [InlineData(3, 1.5, "factor")]
    [InlineData(3, double.NaN, "factor")]
    public void A_step_decay_that_would_divide_by_zero_or_grow_is_refused(int everyEpochs, double factor, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.StepDecay(everyEpochs, factor));
        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_cosine_floor_outside_0_to_1_is_refused(double floor)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(floor));
        Assert.Equal("floorFraction", error.ParamName);
    }

    [Fact]
    public void Valid_schedules_give_the_documented_rates()
    {
        Assert.Equal(1e-3, LearningRateSchedule.StepDecay(1, 1).At(5, 5, 1e-3), 15);   // factor 1: constant
        Assert.Equal(1e-5, LearningRateSchedule.StepDecay(1, 0.1).At(3, 5, 1e-3), 15);
        Assert.Equal(0, LearningRateSchedule.Cosine(0).At(5, 5, 1e-3), 15);
    }
}
