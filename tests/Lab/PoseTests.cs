using System.Globalization;
using System.Text.RegularExpressions;
using Segmentation.Pose;

namespace Lesson.Tests.Lab;

/// <summary>The pose challenge's pieces (its notebook's run is checked in <see cref="LabRunTests"/>).</summary>
public class PoseTests
{
    [Fact]
    public void Generated_people_keep_their_joints_inside_the_image_and_repeat_with_the_seed()
    {
        var a = PoseSample.Generate(5, 64, seed: 4);
        var b = PoseSample.Generate(5, 64, seed: 4);
        Assert.Equal(new long[] { 5, 3, 64, 64 }, a.Images.shape);
        Assert.Equal(a.Joints, b.Joints);
        foreach (float v in a.Joints)
            Assert.InRange(v, 0, 63);
        for (int i = 0; i < 5; i++)
            Assert.True(a.Joints[i, Joints.LeftHand, 0] < a.Joints[i, Joints.RightHand, 0] + 0.01f, "left hand on the image's left");
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
        var person = PoseSample.Generate(1);
        Assert.Equal(256, SkeletonDrawing.Draw(person.Images[0], person.Joints, 0).Width);
    }

}
