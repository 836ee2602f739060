namespace Segmentation.Samples;

/// <summary>One frame a generated MADS sample will hold, with everything needed to paint it.</summary>
internal sealed record MadsFramePlan(string Activity, string Sequence, int Camera, int Frame, SequencePlan Plan)
{
    public string Name => $"{Activity}_{Sequence}_C{Camera}_{Frame:D5}";
}

/// <summary>
/// What stays the same through a sequence: the person, how they move, each camera's view and room, and how long each
/// picture's exposure lasts (<c>Exposure</c>, in the pose's time units of 45 frames; 0 for sharp pictures).
/// </summary>
internal sealed record SequencePlan(
    string Activity, PersonLook Look, float[] Speeds, float[] Phases, bool MirrorPose, CameraPlan[] Cameras, float Exposure);

/// <summary>
/// One camera of a sequence: where it sees the person, its room (painted from <paramref name="RoomSeed"/>, with the wall
/// or floor in a given colour when not null) and, when <paramref name="OccluderSeed"/> is set, an object standing between it
/// and the person.
/// </summary>
internal sealed record CameraPlan(Placement Placement, int RoomSeed, float FloorY, Rgb? Wall, Rgb? Floor, int? OccluderSeed);

/// <summary>
/// Decides the frames of a generated MADS sample: sequences of five activities (HipHop, Jazz, Kata, Sports,
/// Taichi) in turn, three frames each (frame numbers 45 apart, as in MADS), each filmed by three cameras.
/// Short sequences mean many different people and rooms in a small sample, which a network needs in order to
/// learn what a person looks like rather than memorise a few.
/// </summary>
internal static class MadsSampleFrames
{
    /// <summary>Frames per sequence and cameras per frame.</summary>
    public const int FramesPerSequence = 3, Cameras = 3;

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

    // Garment colours: the greys, blacks, whites, denims and earthy or bright tones of sports and dance clothes.
    static readonly Rgb[] Tops =
    [
        new(30, 30, 34), new(235, 235, 230), new(128, 130, 135), new(40, 60, 110), new(170, 35, 40), new(35, 110, 60),
        new(230, 190, 60), new(90, 50, 120), new(220, 110, 150), new(60, 140, 190), new(200, 100, 40), new(110, 90, 70),
    ];
    static readonly Rgb[] Bottoms =
    [
        new(25, 25, 30), new(45, 65, 110), new(70, 95, 140), new(100, 100, 105), new(150, 130, 100), new(60, 55, 45),
        new(180, 180, 175), new(120, 30, 35),
    ];
    static readonly Rgb[] ShoeColours = [new(20, 20, 20), new(240, 240, 240), new(90, 60, 40), new(50, 70, 140), new(170, 40, 40)];

    static SequencePlan Sequence(string activity, Random random)
    {
        float Range(float low, float high) => low + (high - low) * random.NextSingle();

        // Skin from light to dark, hair dark or fair, clothes in the colours people wear.
        Rgb Garment(Rgb[] palette)
        {
            var colour = palette[random.Next(palette.Length)];
            return colour * Range(0.85f, 1.15f);
        }
        var look = new PersonLook(
            Skin: Rgb.FromHsv(Range(0.03f, 0.09f), Range(0.3f, 0.6f), Range(0.35f, 0.95f)),
            // Mostly dark hair; otherwise blond to ginger.
            Hair: random.NextDouble() < 0.8
                ? Rgb.FromHsv(Range(0.03f, 0.1f), Range(0.3f, 0.7f), Range(0.08f, 0.35f))
                : Rgb.FromHsv(Range(0.04f, 0.14f), Range(0.35f, 0.7f), Range(0.5f, 0.85f)),
            Shirt: Garment(Tops),
            Trousers: Garment(Bottoms),
            Shoes: Garment(ShoeColours),
            ShortSleeves: random.NextDouble() < 0.4,
            Shorts: random.NextDouble() < 0.2,
            LongHair: random.NextDouble() < 0.35,
            Build: Range(0.95f, 1.25f));

        var speeds = Enumerable.Range(0, 10).Select(_ => Range(0.6f, 1.7f)).ToArray();
        var phases = Enumerable.Range(0, 10).Select(_ => Range(0, 2 * MathF.PI)).ToArray();
        float light = Range(-1, 1);
        // Clothes close to the room's colours in some recordings: a shirt like the wall, or trousers like the floor,
        // a shade lighter or darker.
        double camouflage = random.NextDouble();
        float Shade() => random.NextDouble() < 0.5 ? Range(0.75f, 0.88f) : Range(1.12f, 1.25f);
        var cameras = new CameraPlan[Cameras];
        for (int c = 0; c < Cameras; c++)
        {
            // Camera 0 films from the front; 1 and 2 from the sides, so they see the body narrower, 2 mirrored.
            // Cameras stand at different distances: some see the person small and far back, some close up.
            float floorY = Range(0.72f, 0.8f) * Height;
            double distance = random.NextDouble();
            float height = distance < 0.12 ? Range(0.46f, 0.6f) : distance < 0.85 ? Range(0.62f, 0.85f) : Range(0.85f, 0.97f);
            float feet = distance < 0.12 ? floorY + Range(0.02f, 0.07f) * Height : floorY + Range(0.08f, 0.2f) * Height;
            var placement = new Placement(Range(0.25f, 0.75f) * Width, MathF.Min(feet, Height - 6), height * Height,
                c == 0 ? 1 : Range(0.7f, 0.85f), Mirrored: c == 2, LightFromRight: c == 2 ? -light : light);
            Rgb? wall = camouflage < 0.15 ? look.Shirt * Shade() : null;
            Rgb? floor = camouflage is >= 0.15 and < 0.27 ? look.Trousers * Shade() : null;
            int roomSeed = random.Next();
            int? occluder = random.NextDouble() < 0.15 ? random.Next() : null;
            cameras[c] = new CameraPlan(placement, roomSeed, floorY, wall, floor, occluder);
        }
        // Fast activities blur the moving limbs in some recordings (a longer exposure in a dimmer room).
        float exposure = activity != "Taichi" && random.NextDouble() < 0.35 ? Range(0.06f, 0.14f) : 0;
        return new SequencePlan(activity, look, speeds, phases, random.NextDouble() < 0.5, cameras, exposure);
    }

    /// <summary>
    /// The pose at a moment (in units of 45 frames, so frame f is at f / 45): every angle swings smoothly within its
    /// activity's range as time goes on.
    /// </summary>
    public static Pose PoseAt(SequencePlan plan, float t)
    {
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
}
