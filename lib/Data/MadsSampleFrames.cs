namespace Segmentation.Data;

/// <summary>One frame a generated MADS sample will hold, with everything needed to paint it.</summary>
internal sealed record MadsFramePlan(string Activity, string Sequence, int Camera, int Frame, SequencePlan Plan)
{
    public string Name => $"{Activity}_{Sequence}_C{Camera}_{Frame:D5}";
}

/// <summary>What stays the same through a sequence: the person, how they move, and each camera's view and room.</summary>
internal sealed record SequencePlan(
    string Activity, PersonLook Look, float[] Speeds, float[] Phases, bool MirrorPose,
    Placement[] Cameras, int[] RoomSeeds, float[] FloorYs);

/// <summary>
/// Decides the frames of a generated MADS sample: sequences of five activities (HipHop, Jazz, Kata, Sports,
/// Taichi) in turn, five frames each (frame numbers 45 apart, as in MADS), each filmed by three cameras.
/// </summary>
internal static class MadsSampleFrames
{
    /// <summary>Frames per sequence and cameras per frame.</summary>
    public const int FramesPerSequence = 5, Cameras = 3;

    public const int Width = 512, Height = 384;

    static readonly (string Activity, string SequencePrefix)[] Activities =
        [("HipHop", "HipHop"), ("Jazz", "Jazz"), ("Kata", "Kata"), ("Sports", "Badminton"), ("Taichi", "Taichi")];

    /// <summary>The first <paramref name="count"/> frames, sequence by sequence, frame by frame, camera by camera.</summary>
    public static List<MadsFramePlan> Create(int count, int seed)
    {
        var random = new Random(seed);
        var frames = new List<MadsFramePlan>(count);
        for (int s = 0; frames.Count < count; s++)
        {
            var (activity, prefix) = Activities[s % Activities.Length];
            var sequence = $"{prefix}{s / Activities.Length + 1}";
            var plan = Sequence(activity, random);
            int firstFrame = 45 * random.Next(1, 12);
            for (int f = 0; f < FramesPerSequence && frames.Count < count; f++)
                for (int camera = 0; camera < Cameras && frames.Count < count; camera++)
                    frames.Add(new MadsFramePlan(activity, sequence, camera, firstFrame + 45 * f, plan));
        }
        return frames;
    }

    static SequencePlan Sequence(string activity, Random random)
    {
        float Range(float low, float high) => low + (high - low) * random.NextSingle();
        Rgb Colour(float saturationLow, float saturationHigh, float valueLow, float valueHigh) =>
            Rgb.FromHsv(Range(0, 1), Range(saturationLow, saturationHigh), Range(valueLow, valueHigh));

        // Skin from light to dark, hair dark or fair, clothes in any colour.
        float skinValue = Range(0.35f, 0.95f);
        var look = new PersonLook(
            Skin: Rgb.FromHsv(Range(0.03f, 0.09f), Range(0.3f, 0.6f), skinValue),
            Hair: random.NextDouble() < 0.8 ? Rgb.FromHsv(Range(0.03f, 0.1f), Range(0.3f, 0.7f), Range(0.08f, 0.35f)) : Colour(0.3f, 0.6f, 0.5f, 0.8f),
            Shirt: Colour(0.1f, 0.9f, 0.25f, 0.95f),
            Trousers: Colour(0.1f, 0.7f, 0.12f, 0.7f),
            Shoes: Colour(0, 0.4f, 0.05f, 0.9f),
            ShortSleeves: random.NextDouble() < 0.4,
            Shorts: random.NextDouble() < 0.2,
            LongHair: random.NextDouble() < 0.35,
            Build: Range(0.85f, 1.2f));

        var speeds = Enumerable.Range(0, 10).Select(_ => Range(0.6f, 1.7f)).ToArray();
        var phases = Enumerable.Range(0, 10).Select(_ => Range(0, 2 * MathF.PI)).ToArray();
        float light = Range(-1, 1);
        var floorYs = new float[Cameras];
        var cameras = new Placement[Cameras];
        var roomSeeds = new int[Cameras];
        for (int c = 0; c < Cameras; c++)
        {
            // Camera 0 films from the front; 1 and 2 from the sides, so they see the body narrower, 2 mirrored.
            floorYs[c] = Range(0.72f, 0.8f) * Height;
            float feet = floorYs[c] + Range(0.08f, 0.18f) * Height;
            cameras[c] = new Placement(Range(0.3f, 0.7f) * Width, MathF.Min(feet, Height - 6), Range(0.62f, 0.85f) * Height,
                c == 0 ? 1 : Range(0.7f, 0.85f), Mirrored: c == 2, LightFromRight: c == 2 ? -light : light);
            roomSeeds[c] = random.Next();
        }
        return new SequencePlan(activity, look, speeds, phases, random.NextDouble() < 0.5, cameras, roomSeeds, floorYs);
    }

    /// <summary>The pose at a frame: every angle swings smoothly within its activity's range as the frame number grows.</summary>
    public static Pose PoseAt(SequencePlan plan, int frame)
    {
        float t = frame / 45f;
        float Swing(int joint, float low, float high) =>
            low + (high - low) * (0.5f + 0.5f * MathF.Sin(plan.Speeds[joint] * t + plan.Phases[joint]));

        var pose = plan.Activity switch
        {
            "HipHop" => new Pose(Swing(0, -0.2f, 0.2f), Swing(1, -0.3f, 0.3f),
                Swing(2, 0.2f, 2.2f), Swing(3, -1.2f, 1.8f), Swing(4, 0.2f, 2.2f), Swing(5, -1.2f, 1.8f),
                Swing(6, 0.05f, 0.45f), Swing(7, 0, 0.5f), Swing(8, 0.05f, 0.45f), Swing(9, 0, 0.5f)),
            "Jazz" => new Pose(Swing(0, -0.15f, 0.15f), Swing(1, -0.2f, 0.2f),
                Swing(2, 1.2f, 2.9f), Swing(3, -0.4f, 0.6f), Swing(4, 1.2f, 2.9f), Swing(5, -0.4f, 0.6f),
                Swing(6, 0.05f, 1.3f), Swing(7, 0, 0.3f), Swing(8, 0.05f, 0.3f), Swing(9, 0, 0.3f)),
            "Kata" => new Pose(Swing(0, -0.1f, 0.1f), Swing(1, -0.1f, 0.1f),
                Swing(2, 1.4f, 1.7f), Swing(3, -0.1f, 0.1f), Swing(4, 0.3f, 0.6f), Swing(5, -2.0f, -1.4f),
                Swing(6, 0.3f, 0.6f), Swing(7, 0.2f, 0.6f), Swing(8, 0.3f, 0.6f), Swing(9, 0.2f, 0.6f)),
            "Sports" => new Pose(Swing(0, -0.25f, 0.25f), Swing(1, -0.2f, 0.2f),
                Swing(2, 2.2f, 3.0f), Swing(3, -0.6f, 0.3f), Swing(4, 0.3f, 1.3f), Swing(5, -0.5f, 0.8f),
                Swing(6, 0.1f, 0.9f), Swing(7, 0.1f, 0.7f), Swing(8, 0.05f, 0.4f), Swing(9, 0.1f, 0.7f)),
            _ => new Pose(Swing(0, -0.08f, 0.08f), Swing(1, -0.15f, 0.15f), // Taichi: slow, arms forward, wide stance
                Swing(2, 0.4f, 1.7f), Swing(3, 0.2f, 1.4f), Swing(4, 0.4f, 1.7f), Swing(5, 0.2f, 1.4f),
                Swing(6, 0.25f, 0.5f), Swing(7, 0.2f, 0.5f), Swing(8, 0.25f, 0.5f), Swing(9, 0.2f, 0.5f)),
        };
        // Some people lead with the other side.
        return plan.MirrorPose
            ? pose with
            {
                RightUpperArm = pose.LeftUpperArm, RightElbow = pose.LeftElbow, LeftUpperArm = pose.RightUpperArm, LeftElbow = pose.RightElbow,
                RightThigh = pose.LeftThigh, RightKnee = pose.LeftKnee, LeftThigh = pose.RightThigh, LeftKnee = pose.RightKnee,
            }
            : pose;
    }

    /// <summary>Paints one frame: the camera's room, the person in the frame's pose, camera grain. Returns RGB bytes and a 0/255 mask.</summary>
    public static (byte[] Rgb, byte[] Mask) Paint(MadsFramePlan frame)
    {
        var plan = frame.Plan;
        var canvas = new Canvas(Width, Height);
        SyntheticRoom.Paint(canvas, plan.RoomSeeds[frame.Camera], plan.FloorYs[frame.Camera]);
        var placement = plan.Cameras[frame.Camera];
        // The person wanders a little around the camera's spot from frame to frame.
        float drift = 0.08f * Width * MathF.Sin(frame.Frame / 45f * plan.Speeds[0] + plan.Phases[1]);
        var coverage = new float[Width * Height];
        SyntheticPerson.Paint(canvas, coverage, plan.Look, PoseAt(plan, frame.Frame), placement with { CentreX = placement.CentreX + drift });
        canvas.AddGrain(new Random(plan.RoomSeeds[frame.Camera] ^ frame.Frame * 7919), 6);

        var mask = new byte[Width * Height];
        for (int i = 0; i < mask.Length; i++)
            mask[i] = coverage[i] >= 0.5f ? (byte)255 : (byte)0;
        return (canvas.ToRgbBytes(), mask);
    }
}
