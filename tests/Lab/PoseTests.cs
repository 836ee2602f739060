using Segmentation.Pose;
using static TorchSharp.torch;

namespace Lesson.Tests.Lab;

/// <summary>The pose challenge's pieces (its notebooks' runs are checked in <see cref="LabRunTests"/>).</summary>
public class PoseTests
{
    [Fact]
    public void Generated_people_keep_their_joints_inside_the_image_and_repeat_with_the_seed()
    {
        var a = PoseSample.Generate(5, 64, seed: 4);
        var b = PoseSample.Generate(5, 64, seed: 4);
        Assert.Equal(new long[] { 5, 3, 64, 64 }, a.Images.shape);
        Assert.Equal(a.Joints, b.Joints);
        Assert.Equal(Enum.GetValues<BodyPart>().Length, a.Joints.GetLength(1));
        foreach (float v in a.Joints)
            Assert.InRange(v, 0, 63);
        for (int i = 0; i < 5; i++)
        {
            Assert.False(a.FacingCamera[i]);
            Assert.True(a.Joints[i, (int)BodyPart.LeftHand, 0] < a.Joints[i, (int)BodyPart.RightHand, 0] + 0.01f, "back to the camera: left hand on the image's left");
        }
    }

    [Fact]
    public void Hard_scenes_turn_people_round_hide_limbs_and_two_people_scenes_hold_two()
    {
        var hard = PoseSample.Generate(200, 64, seed: 5, PoseScenes.Hard);
        int facing = hard.FacingCamera.Count(f => f), occluded = hard.Occluded.Count(o => o);
        Assert.InRange(facing, 70, 130);
        Assert.InRange(occluded, 70, 130);
        for (int i = 0; i < hard.Count; i++)
        {
            bool leftOnImageLeft = hard.Joints[i, (int)BodyPart.LeftElbow, 0] <= hard.Joints[i, (int)BodyPart.Neck, 0] + 0.01f;
            Assert.True(leftOnImageLeft != hard.FacingCamera[i], $"person {i}: facing the camera puts the left elbow on the image's right");
        }
        // The head shows which way a person faces: a face is bright, hair dark (unless a box hides the head too).
        var v = hard.Images.data<float>().ToArray();
        float Red(int i) => v[i * 3 * 64 * 64 + (int)hard.Joints[i, 0, 1] * 64 + (int)hard.Joints[i, 0, 0]];
        var faces = Enumerable.Range(0, hard.Count).Where(i => hard.FacingCamera[i] && !hard.Occluded[i]).Select(Red).ToList();
        var backs = Enumerable.Range(0, hard.Count).Where(i => !hard.FacingCamera[i] && !hard.Occluded[i]).Select(Red).ToList();
        Assert.True(faces.Min() > backs.Max(), "faces and hair overlap in colour");

        var pairs = PoseSample.Generate(20, 64, seed: 6, PoseScenes.TwoPeople);
        Assert.All(pairs.People, people => Assert.Equal(2, people.GetLength(0)));
        var maps = Heatmaps.Render(pairs.PeopleOf(Skeleton.Basic), 64);
        var heads = Heatmaps.Peaks(maps[0, 0], 0.5);
        Assert.Equal(2, heads.Count);
    }

    [Fact]
    public void Heatmap_maxima_give_back_the_joints_and_pck_counts_joints_within_the_distance()
    {
        var joints = new float[1, 2, 2] { { { 10, 20 }, { 40, 5 } } };
        var maps = Heatmaps.Render(joints, 48);
        Assert.Equal(new long[] { 1, 2, 48, 48 }, maps.shape);
        Assert.Equal(joints, Heatmaps.Maxima(maps));
        var off = new float[1, 2, 2] { { { 13, 20 }, { 40, 5 } } };
        Assert.Equal(0.5, Heatmaps.Pck(off, joints, 2));
        Assert.Equal(1.0, Heatmaps.Pck(off, joints, 3));
        Assert.Equal(0.0, Heatmaps.Pck(off, joints, 2, joint: 0));
        var person = PoseSample.Generate(1);
        Assert.Equal(256, SkeletonDrawing.Draw(person.Images[0], Skeleton.Basic.Select(person.Joints), 0).Width);
        Assert.Equal(4 * 48, HeatmapPictures.Of(maps[0, 0]).Width);
        Assert.Throws<ArgumentException>(() => SkeletonDrawing.Draw(person.Images[0], person.Joints, 0, Skeleton.Basic));
    }

    [Fact]
    public void Pck_of_everyone_matches_points_one_to_one_and_counts_false_alarms()
    {
        var people = new[] { new float[2, 1, 2] { { { 10, 10 } }, { { 30, 10 } } } };
        IReadOnlyList<(int X, int Y)>[] both = [[(11, 10), (30, 12)]];
        IReadOnlyList<(int X, int Y)>[] one = [[(11, 10)]];
        IReadOnlyList<(int X, int Y)>[] twiceNearOne = [[(11, 10), (10, 11), (50, 50)]];

        Assert.Equal((1.0, 0), Heatmaps.Pck([both], people, 4));
        Assert.Equal((0.5, 0), Heatmaps.Pck([one], people, 4));
        Assert.Equal((0.5, 2), Heatmaps.Pck([twiceNearOne], people, 4));   // one point per person; the rest are false alarms
    }

    [Fact]
    public void Skeletons_select_their_joints_and_refuse_bones_to_joints_they_lack()
    {
        var person = PoseSample.Generate(2, seed: 3);
        var basic = Skeleton.Basic.Select(person.Joints);
        Assert.Equal(7, basic.GetLength(1));
        Assert.Equal(person.Joints[1, (int)BodyPart.RightFoot, 0], basic[1, Skeleton.Basic.IndexOf(BodyPart.RightFoot), 0]);
        Assert.Equal(11, Skeleton.Full.Count);
        Assert.Equal("left elbow", Skeleton.NameOf(BodyPart.LeftElbow));
        var error = Assert.Throws<ArgumentException>(() => new Skeleton([BodyPart.Head], [(BodyPart.Head, BodyPart.Neck)]));
        Assert.Contains("Head-Neck", error.Message);
    }

    [Fact]
    public void Pose_training_learns_easy_people_with_any_renderer_and_reports_pck()
    {
        var train = PoseSample.Generate(96, 32, seed: 1);
        var validation = PoseSample.Generate(16, 32, seed: 2);
        int rendered = 0;
        var run = PoseTraining.Fit(train, validation, Skeleton.Basic, 1.5f, (j, s, w) => { rendered++; return Heatmaps.Render(j, s, w); },
            widths: [8, 16], epochs: 6);
        Assert.Equal(1, rendered);
        Assert.Equal(6, run.History.Count);
        Assert.True(run.History[^1].Loss < run.History[0].Loss, "the loss did not fall");
        Assert.Equal(run.ValidationPck, run.Pck(validation, 4), 6);
        Assert.Equal(new long[] { 16, 7, 32, 32 }, run.Heatmaps(validation.Images).shape);
        Assert.Equal(2, PoseRun.Compare("one run", run).Series.Count);
    }
}
