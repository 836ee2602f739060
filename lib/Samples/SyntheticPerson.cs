namespace Segmentation.Samples;

/// <summary>How a generated person looks: the same all through a sequence.</summary>
internal sealed record PersonLook(
    Rgb Skin, Rgb Hair, Rgb Shirt, Rgb Trousers, Rgb Shoes, bool ShortSleeves, bool Shorts, bool LongHair, float Build);

/// <summary>
/// A body pose as angles in radians. Limb angles are measured from hanging straight down, outwards from the
/// body (pi/2 is horizontal, pi straight up); elbow and knee bends are added to the limb above them.
/// </summary>
internal sealed record Pose(
    float Lean, float HeadTilt,
    float RightUpperArm, float RightElbow, float LeftUpperArm, float LeftElbow,
    float RightThigh, float RightKnee, float LeftThigh, float LeftKnee);

/// <summary>Where a camera sees the person: feet on <paramref name="FloorY"/>, about <paramref name="Height"/> pixels tall.</summary>
/// <param name="CentreX">Horizontal position of the pelvis, in pixels.</param>
/// <param name="FloorY">Where the lower foot touches the floor, in pixels.</param>
/// <param name="Height">Body height in pixels (shrunk if the pose would not fit in the picture).</param>
/// <param name="Foreshortening">Horizontal squeeze of a camera that looks from the side (1: from the front).</param>
/// <param name="Mirrored">The camera sees the person from behind the other side.</param>
/// <param name="LightFromRight">-1..1: which side the light comes from, for shading the limbs.</param>
internal sealed record Placement(float CentreX, float FloorY, float Height, float Foreshortening, bool Mirrored, float LightFromRight);

/// <summary>
/// Paints a generated person onto a <see cref="Canvas"/>: head with hair, neck, torso, arms with hands and legs
/// with shoes, each a rounded shape shaded as a cylinder lit from one side, and records how much of each pixel
/// the person covers (the mask is where that is at least half).
/// </summary>
internal sealed class SyntheticPerson
{
    // Body proportions, as fractions of the body height.
    const float TorsoLength = 0.30f, ShoulderHalfWidth = 0.1f, HipHalfWidth = 0.06f;
    const float UpperArm = 0.165f, Forearm = 0.15f, Thigh = 0.245f, Shin = 0.235f;
    const float HeadWidth = 0.06f, HeadHeight = 0.072f;

    readonly Canvas canvas;
    readonly float[] coverage;
    readonly PersonLook look;
    readonly float light;

    SyntheticPerson(Canvas canvas, float[] coverage, PersonLook look, float light)
    {
        this.canvas = canvas;
        this.coverage = coverage;
        this.look = look;
        this.light = light;
    }

    /// <summary>Paints the person and raises <paramref name="coverage"/> (one value per pixel, 0..1) where the person is.</summary>
    public static void Paint(Canvas canvas, float[] coverage, PersonLook look, Pose pose, Placement placement)
    {
        var joints = Joints(pose, look.Build);
        var toPixels = Fit(joints, placement, canvas);
        var person = new SyntheticPerson(canvas, coverage, look, placement.LightFromRight);
        person.Shadow(toPixels.Map(joints.Pelvis), placement);
        person.Draw(joints, toPixels, toPixels.Height, look.Build);
    }

    /// <summary>The joints of a pose, in body heights, with the pelvis at (0, 0) and y pointing down.</summary>
    sealed record Body(
        Vec Pelvis, Vec Chest, Vec Neck, Vec Head,
        Vec RightShoulder, Vec RightElbow, Vec RightHand, Vec LeftShoulder, Vec LeftElbow, Vec LeftHand,
        Vec RightHip, Vec RightKnee, Vec RightAnkle, Vec RightToe, Vec LeftHip, Vec LeftKnee, Vec LeftAnkle, Vec LeftToe)
    {
        public IEnumerable<Vec> All => [Pelvis, Chest, Neck, Head, RightShoulder, RightElbow, RightHand, LeftShoulder,
            LeftElbow, LeftHand, RightHip, RightKnee, RightAnkle, RightToe, LeftHip, LeftKnee, LeftAnkle, LeftToe];
    }

    readonly record struct Vec(float X, float Y)
    {
        public static Vec operator +(Vec a, Vec b) => new(a.X + b.X, a.Y + b.Y);
        public static Vec operator *(Vec a, float f) => new(a.X * f, a.Y * f);

        /// <summary>A unit direction at <paramref name="angle"/> from straight down, towards +x (or -x when <paramref name="side"/> is -1).</summary>
        public static Vec Limb(float angle, int side) => new(side * MathF.Sin(angle), MathF.Cos(angle));
    }

    static Body Joints(Pose pose, float build)
    {
        var up = new Vec(MathF.Sin(pose.Lean), -MathF.Cos(pose.Lean));
        var across = new Vec(MathF.Cos(pose.Lean), MathF.Sin(pose.Lean));
        var pelvis = new Vec(0, 0);
        var neck = up * TorsoLength;
        var chest = up * (TorsoLength - 0.06f);
        var tilt = pose.Lean + pose.HeadTilt;
        var head = neck + new Vec(MathF.Sin(tilt), -MathF.Cos(tilt)) * (0.02f + HeadHeight);

        (Vec Shoulder, Vec Elbow, Vec Hand) Arm(int side, float upper, float bend)
        {
            var shoulder = neck + up * -0.03f + across * (side * ShoulderHalfWidth * build);
            var elbow = shoulder + Vec.Limb(pose.Lean * side + upper, side) * UpperArm;
            return (shoulder, elbow, elbow + Vec.Limb(pose.Lean * side + upper + bend, side) * Forearm);
        }
        (Vec Hip, Vec Knee, Vec Ankle, Vec Toe) Leg(int side, float thigh, float knee)
        {
            var hip = pelvis + across * (side * HipHalfWidth * build);
            var kneePoint = hip + Vec.Limb(thigh, side) * Thigh;
            var ankle = kneePoint + Vec.Limb(thigh - knee, side) * Shin; // knees bend outwards, feet come back under
            return (hip, kneePoint, ankle, ankle + new Vec(side * 0.055f, 0.012f));
        }

        var (rs, re, rh) = Arm(1, pose.RightUpperArm, pose.RightElbow);
        var (ls, le, lh) = Arm(-1, pose.LeftUpperArm, pose.LeftElbow);
        var (rhip, rk, ra, rt) = Leg(1, pose.RightThigh, pose.RightKnee);
        var (lhip, lk, la, lt) = Leg(-1, pose.LeftThigh, pose.LeftKnee);
        return new Body(pelvis, chest, neck, head, rs, re, rh, ls, le, lh, rhip, rk, ra, rt, lhip, lk, la, lt);
    }

    /// <summary>Maps body coordinates to pixels: scaled to the placement's height (less if needed to fit), feet on the floor.</summary>
    sealed class PixelMapping(float scaleX, float scaleY, float offsetX, float offsetY)
    {
        /// <summary>The body height in pixels after fitting.</summary>
        public float Height { get; } = scaleY;

        public (float X, float Y) Map(Vec v) => (offsetX + v.X * scaleX, offsetY + v.Y * Height);
    }

    static PixelMapping Fit(Body body, Placement placement, Canvas canvas)
    {
        const float Margin = 0.1f; // head and limb radii reach beyond the joints
        float top = body.All.Min(v => v.Y) - Margin, bottom = body.All.Max(v => v.Y) + 0.03f;
        float left = body.All.Min(v => v.X) - Margin, right = body.All.Max(v => v.X) + Margin;
        float sx = placement.Foreshortening * (placement.Mirrored ? -1 : 1);
        // Shrink when the pose would leave the picture (arms up reach higher than the head).
        float fitY = (placement.FloorY - 4) / (bottom - top);
        float fitX = (canvas.Width - 8) / ((right - left) * placement.Foreshortening);
        float height = MathF.Min(placement.Height, MathF.Min(fitX, fitY));
        float pelvisY = placement.FloorY - bottom * height;
        // Slide sideways to keep the whole body in the picture.
        float minX = placement.CentreX + MathF.Min(left * sx, right * sx) * height;
        float maxX = placement.CentreX + MathF.Max(left * sx, right * sx) * height;
        float centreX = placement.CentreX - MathF.Min(0, minX - 4) - MathF.Max(0, maxX - (canvas.Width - 4));
        return new PixelMapping(sx * height, height, centreX, pelvisY);
    }

    void Shadow((float X, float Y) pelvis, Placement placement)
    {
        // A soft dark ellipse on the floor under the feet: part of the picture, not of the person.
        float cx = pelvis.X, cy = placement.FloorY, rx = 0.16f * placement.Height, ry = 0.025f * placement.Height;
        canvas.Shape(cx - 2 * rx, cy - 2 * ry, cx + 2 * rx, cy + 2 * ry,
            (x, y) => (MathF.Sqrt((x - cx) * (x - cx) / (rx * rx) + (y - cy) * (y - cy) / (ry * ry)) - 1) * ry,
            (i, cover, d) => canvas.Blend(i, new Rgb(0, 0, 0), 0.35f * Math.Clamp(-d / ry, 0, 1) + 0.05f * cover));
    }

    void Draw(Body body, PixelMapping map, float height, float build)
    {
        float R(float fraction) => fraction * height * build;
        var arms = look.ShortSleeves ? look.Skin : look.Shirt;
        var shins = look.Shorts ? look.Skin : look.Trousers;

        if (look.LongHair)
            Limb(map.Map(body.Head + new Vec(0, -0.01f)), map.Map(body.Neck + new Vec(0, 0.03f)), R(0.055f), R(0.05f), look.Hair);
        // Loose sports and dance clothes: limbs a little wider than bare ones.
        // Legs first, then the torso over the hips, then arms over the torso, then the head.
        foreach (var (hip, knee, ankle, toe) in new[] { (body.RightHip, body.RightKnee, body.RightAnkle, body.RightToe), (body.LeftHip, body.LeftKnee, body.LeftAnkle, body.LeftToe) })
        {
            Limb(map.Map(hip), map.Map(knee), R(0.062f), R(0.05f), look.Trousers);
            Limb(map.Map(knee), map.Map(ankle), R(0.05f), R(0.04f), shins);
            Limb(map.Map(ankle), map.Map(toe), R(0.03f), R(0.026f), look.Shoes);
        }
        Limb(map.Map(body.Pelvis), map.Map(body.Chest), R(0.09f), R(0.105f), look.Shirt);
        Limb(map.Map(body.Chest), map.Map(body.Neck), R(0.105f), R(0.055f), look.Shirt);
        Limb(map.Map(body.Neck), map.Map(body.Head), R(0.036f), R(0.036f), look.Skin);
        foreach (var (shoulder, elbow, hand) in new[] { (body.RightShoulder, body.RightElbow, body.RightHand), (body.LeftShoulder, body.LeftElbow, body.LeftHand) })
        {
            Limb(map.Map(shoulder), map.Map(elbow), R(0.044f), R(0.036f), look.Shirt);
            Limb(map.Map(elbow), map.Map(hand), R(0.036f), R(0.03f), arms);
            var (hx, hy) = map.Map(hand);
            Limb((hx, hy), (hx, hy), R(0.035f), R(0.035f), look.Skin);
        }
        Head(map.Map(body.Head), height * HeadWidth, height * HeadHeight);
    }

    /// <summary>A tapered rounded limb from a to b, shaded like a cylinder, raising the coverage where it is.</summary>
    void Limb((float X, float Y) a, (float X, float Y) b, float radiusA, float radiusB, Rgb colour)
    {
        float reach = MathF.Max(radiusA, radiusB);
        float axisX = b.X - a.X, axisY = b.Y - a.Y, axisLength = MathF.Max(1e-3f, MathF.Sqrt(axisX * axisX + axisY * axisY));
        canvas.Shape(MathF.Min(a.X, b.X) - reach, MathF.Min(a.Y, b.Y) - reach, MathF.Max(a.X, b.X) + reach, MathF.Max(a.Y, b.Y) + reach,
            (x, y) => Canvas.SegmentDistance(x, y, a.X, a.Y, b.X, b.Y, out float along) - (radiusA + (radiusB - radiusA) * along),
            (i, cover, d) =>
            {
                int x = i % canvas.Width, y = i / canvas.Width;
                float radius = MathF.Max(radiusA, radiusB);
                // How far across the limb (0 on its axis, 1 at its edge) and on which side, for the shading.
                float across = Math.Clamp(1 + d / radius, 0, 1);
                float side = MathF.Sign(((x - a.X) * axisY - (y - a.Y) * axisX) / axisLength);
                Put(i, colour * Shade(across, side), cover);
            });
    }

    void Head((float X, float Y) centre, float rx, float ry)
    {
        canvas.Shape(centre.X - rx, centre.Y - ry, centre.X + rx, centre.Y + ry,
            (x, y) => (MathF.Sqrt((x - centre.X) * (x - centre.X) / (rx * rx) + (y - centre.Y) * (y - centre.Y) / (ry * ry)) - 1) * rx,
            (i, cover, d) =>
            {
                int x = i % canvas.Width, y = i / canvas.Width;
                float across = Math.Clamp(1 + d / rx, 0, 1);
                // Hair covers the top of the head and a little down the sides.
                bool hair = y < centre.Y - ry * 0.25f + 0.35f * MathF.Abs(x - centre.X) * ry / rx;
                Put(i, (hair ? look.Hair : look.Skin) * Shade(across, MathF.Sign(x - centre.X)), cover);
            });
    }

    /// <summary>
    /// Brightest along the axis, clearly darker towards the edges (as light falls off round a limb), brighter on the
    /// side facing the light: the rounded look that sets a body apart from flat furniture and posters.
    /// </summary>
    float Shade(float across, float side) =>
        0.55f + 0.47f * MathF.Sqrt(MathF.Max(0, 1 - across * across)) + 0.12f * side * light * across;

    void Put(int i, Rgb colour, float cover)
    {
        canvas.Blend(i, colour, cover);
        coverage[i] = MathF.Max(coverage[i], cover);
    }
}
