namespace Segmentation.Samples;

/// <summary>The parts of a generated MADS frame that can be left out one by one (tests compare with and without).</summary>
[Flags]
internal enum MadsEffects
{
    None = 0,
    MotionBlur = 1,
    Occluders = 2,
    All = MotionBlur | Occluders,
}

/// <summary>A generated MADS frame: RGB bytes row by row, the person mask (0/255), and how much of each pixel a foreground object covers (0..1).</summary>
internal sealed record MadsPicture(byte[] Rgb, byte[] Mask, float[] Occluder);

/// <summary>
/// Paints one frame of a generated MADS sample from its plan: the camera's room (slightly out of focus), the person in
/// the frame's pose, smeared where they move fast when the recording has a long exposure, an object in front of them
/// when the camera has one, and camera grain. The mask is the person at the frame's moment, less whatever stands in
/// front of them: an occluder is not person.
/// </summary>
internal static class MadsFramePainter
{
    const int Width = MadsSampleFrames.Width, Height = MadsSampleFrames.Height;

    /// <summary>Moments averaged into a blurred frame: enough that a fast hand leaves a smooth smear, not separate copies.</summary>
    const int Moments = 5;

    public static MadsPicture Paint(MadsFramePlan frame, MadsEffects effects = MadsEffects.All)
    {
        var plan = frame.Plan;
        var camera = plan.Cameras[frame.Camera];
        var room = new Canvas(Width, Height);
        SyntheticRoom.Paint(room, camera.RoomSeed, camera.FloorY, camera.Wall, camera.Floor);
        room.SoftenFocus(); // the cameras focus on the person, so the room is a little soft

        var coverage = new float[Width * Height];
        float time = frame.Frame / 45f;
        Canvas canvas;
        if (effects.HasFlag(MadsEffects.MotionBlur) && plan.Exposure > 0)
        {
            // A long exposure records every moment while the shutter is open: the average of pictures taken across it.
            // The mask is the person at the middle moment, the frame's own time.
            canvas = new Canvas(Width, Height);
            var elsewhere = new float[Width * Height];
            for (int k = 0; k < Moments; k++)
            {
                var moment = room.Copy();
                float t = time + plan.Exposure * ((float)k / (Moments - 1) - 0.5f);
                SyntheticPerson.Paint(moment, k == Moments / 2 ? coverage : elsewhere, plan.Look, MadsSampleFrames.PoseAt(plan, t), PlacementAt(plan, camera, t));
                for (int i = 0; i < coverage.Length; i++)
                {
                    canvas.Red[i] += moment.Red[i] / Moments;
                    canvas.Green[i] += moment.Green[i] / Moments;
                    canvas.Blue[i] += moment.Blue[i] / Moments;
                }
            }
        }
        else
        {
            canvas = room;
            SyntheticPerson.Paint(canvas, coverage, plan.Look, MadsSampleFrames.PoseAt(plan, time), PlacementAt(plan, camera, time));
        }

        var occluder = new float[Width * Height];
        if (effects.HasFlag(MadsEffects.Occluders) && camera.OccluderSeed is int occluderSeed)
            Occluders.Paint(canvas, new Random(occluderSeed), occluder, camera.Placement, camera.FloorY);
        canvas.AddGrain(new Random(camera.RoomSeed ^ frame.Frame * 7919), 6);

        var mask = new byte[Width * Height];
        for (int i = 0; i < mask.Length; i++)
            mask[i] = coverage[i] * (1 - occluder[i]) >= 0.5f ? (byte)255 : (byte)0;
        return new MadsPicture(canvas.ToRgbBytes(), mask, occluder);
    }

    /// <summary>The person wanders a little around the camera's spot as time goes on.</summary>
    static Placement PlacementAt(SequencePlan plan, CameraPlan camera, float t)
    {
        float drift = 0.08f * Width * MathF.Sin(t * plan.Speeds[0] + plan.Phases[1]);
        return camera.Placement with { CentreX = camera.Placement.CentreX + drift };
    }
}
