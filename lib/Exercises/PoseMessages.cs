namespace Segmentation.Exercises;

/// <summary>
/// The pose challenge's checks (<see cref="PoseChecks"/>), one table per exercise, as composite format strings
/// (see <see cref="LabMessages"/> for the convention).
/// </summary>
internal static class PoseMessages
{
    internal static class Render
    {
        public static string Title => Course.Text("Heatmaps");
        public static string Yours => Course.Text("your heatmaps");
        public static string ReturnedNull => Course.Text("your heatmaps are null.");
        /// <summary>{0} images, {1} joints, {2} size, {3} shape returned, {4} expected.</summary>
        public static string Shape => Course.Text("for {0} images of {1} joints at size {2} your heatmaps have shape {3}; expected {4} (image, joint, row y, column x).");
        /// <summary>{0} x, {1} y, {2} value found.</summary>
        public static string NotOneAtJoint => Course.Text("at a joint (x {0}, y {1}) your heatmap is {2}; a heatmap is 1 exactly at its joint, falling towards 0 away from it.");
        /// <summary>{0} x, {1} y.</summary>
        public static string Transposed => Course.Text("your bump for the joint at x {0}, y {1} sits at x {1}, y {0}: x and y are swapped. A heatmap's rows are y and its columns x.");
        /// <summary>{0} sigma, {1} value found, {2} expected.</summary>
        public static string Width => Course.Text("{0} pixels (one sigma) from a joint your heatmap is {1}; a Gaussian of width sigma is exp(-1/2) = {2} there. Check the exponent: -d² / (2·sigma²).");
        /// <summary>{0} image, {1} joint.</summary>
        public static string WrongPlace => Course.Text("the heatmap of image {0}, joint {1} has its bump away from that joint: each heatmap [i, j] belongs to joint j of image i.");
        public static string OutOfRange => Course.Text("your heatmaps have values outside 0..1; they are targets for probabilities.");
    }

    internal static class Sigmas
    {
        public static string Title => Course.Text("Heatmap widths to try");
        public static string NotChosen => Course.Text("no widths chosen yet: set sigmas to three or more widths in pixels, e.g. from narrow to wide.");
        /// <summary>{0} how many.</summary>
        public static string TooFew => Course.Text("you chose {0} different width(s); try at least three, to see PCK rise and fall.");
        /// <summary>{0} a width.</summary>
        public static string OutOfRange => Course.Text("sigma {0} is outside 0.5..8 pixels: narrower than half a pixel is a single dot, wider than 8 covers the whole person on 64x64 pictures.");
        /// <summary>{0} smallest, {1} largest.</summary>
        public static string TooClose => Course.Text("your widths go from {0} to {1}: spread them wider (the largest at least 4 times the smallest), or the differences drown in noise.");
    }

    internal static class Loss
    {
        public static string Title => Course.Text("MSE heatmap loss");
        public static string Yours => Course.Text("your loss");
        public static string ReturnedNull => Course.Text("your loss returned null.");
        /// <summary>{0} shape returned.</summary>
        public static string NotScalar => Course.Text("your loss returns a tensor of shape {0}; a loss is one number (shape []), so backward() knows what to lower.");
        /// <summary>{0} value, {1} expected.</summary>
        public static string OnLogits => Course.Text("your loss is {0}, the squared difference of the logits themselves and the heatmaps; the heatmaps hold probabilities, so compare sigmoid(logits) with them. Expected {1}.");
        /// <summary>{0} value, {1} expected, {2} how many times larger.</summary>
        public static string Sum => Course.Text("your loss is {0}, {2} times the expected {1}: it adds the squared differences up; average them over all pixels, so the loss does not grow with the picture.");
        /// <summary>{0} value, {1} expected.</summary>
        public static string NotSquared => Course.Text("your loss is {0}, the mean absolute difference; mean squared error squares each difference before averaging. Expected {1}.");
        /// <summary>{0} value, {1} expected.</summary>
        public static string Root => Course.Text("your loss is {0}, the square root of the mean squared error; the loss is the mean itself. Expected {1}.");
        /// <summary>{0} value, {1} expected.</summary>
        public static string Wrong => Course.Text("your loss is {0} for these logits and heatmaps; expected {1}, the mean of (sigmoid(logit) - heatmap)² over every value.");
        public static string NoGradient => Course.Text("no gradient reaches the logits through your loss: build it from the tensors you are given with tensor operations (no .item(), no new tensors from plain numbers).");
    }

    internal static class Bones
    {
        public static string Title => Course.Text("Elbows and knees");
        public static string ReturnedNull => Course.Text("your skeleton is null.");
        /// <summary>{0} the missing joints.</summary>
        public static string Missing => Course.Text("your skeleton lacks {0}: it needs all eleven joints.");
        /// <summary>{0} joint, {1} the joint it hangs from now, {2} the joint it should hang from.</summary>
        public static string Reattach => Course.Text("your {0} is joined to the {1}; with elbows and knees, it hangs from the {2}.");
        /// <summary>{0} one joint, {1} the other.</summary>
        public static string Crossed => Course.Text("your skeleton joins the {0} to the {1}: a limb stays on one side of the body.");
        /// <summary>{0} one joint, {1} the other.</summary>
        public static string Extra => Course.Text("your skeleton joins the {0} to the {1}, which no bone joins.");
        /// <summary>{0} one joint, {1} the other.</summary>
        public static string MissingBone => Course.Text("nothing joins the {0} to the {1}.");
    }

    internal static class Peaks
    {
        public static string Title => Course.Text("Peaks");
        public static string Yours => Course.Text("your peak finder");
        public static string ReturnedNull => Course.Text("your peak finder returned null.");
        /// <summary>{0} the case, {1} points found, {2} expected.</summary>
        public static string Count => Course.Text("for {0} your peak finder returns {1} point(s); expected {2}.");
        public static string HintAllAbove => Course.Text("Pixels above the threshold around a peak are its slopes: keep only a pixel larger than its neighbours.");
        public static string HintOnlyOne => Course.Text("A frame can hold several people, so a heatmap can have several peaks.");
        public static string HintThreshold => Course.Text("A faint bump below the threshold is not a joint.");
        /// <summary>{0} the case, {1} points found, {2} expected.</summary>
        public static string Places => Course.Text("for {0} your peak finder returns {1}; expected {2} (x, y).");
        public static string CaseTwo => Course.Text("two bumps (two people's heads)");
        public static string CaseOne => Course.Text("one bump");
        public static string CaseFaint => Course.Text("one bump and a faint one below the threshold");
        public static string CaseEdge => Course.Text("a bump at the picture's edge");
    }

    internal static class Plan
    {
        public static string Title => Course.Text("Training for hard people");
        public static string NotChosen => Course.Text("no plan yet: set plan = new PoseTrainingPlan { Scenes = ..., People = ..., Epochs = ..., Widths = [...] }.");
        /// <summary>{0} people.</summary>
        public static string People => Course.Text("People = {0}: choose 64 to 2000 generated people to train on.");
        /// <summary>{0} epochs.</summary>
        public static string Epochs => Course.Text("Epochs = {0}: choose 1 to 30.");
        /// <summary>{0} the widths.</summary>
        public static string Widths => Course.Text("Widths = [{0}]: give 2 to 5 levels of 4 to 256 channels each.");
        /// <summary>{0} people x epochs, {1} the budget.</summary>
        public static string Budget => Course.Text("People x Epochs = {0}: keep it at most {1}, so the training takes minutes, not hours, on a laptop.");
    }

    internal static class Hard
    {
        public static string Title => Course.Text("Hard people");
        /// <summary>{0} your PCK, {1} the target.</summary>
        public static string BelowTarget => Course.Text("your network finds {0} of the hard test people's joints within 4 pixels; the target is {1}.");
        /// <summary>{0} your PCK, {1} baseline, {2} the gain needed.</summary>
        public static string NoBetter => Course.Text("your network ({0}) is not clearly better than the baseline ({1}): beat it by {2} or more.");
    }

    /// <summary>The challenge's pieces, as "using your ..." and "using the library's ..." name them.</summary>
    internal static class Pieces
    {
        public static string Heatmaps => Course.Text("heatmaps");
        public static string Sigmas => Course.Text("heatmap widths");
        public static string MseLoss => Course.Text("MSE loss");
        public static string Skeleton => Course.Text("skeleton");
        public static string Peaks => Course.Text("peak finder");
        public static string Plan => Course.Text("training plan (the baseline's)");
    }
}
