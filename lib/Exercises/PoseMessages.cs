namespace Segmentation.Exercises;

/// <summary>
/// The pose challenge's checks (<see cref="PoseChecks"/>), one table per exercise, as composite format strings
/// (see <see cref="LabMessages"/> for the convention).
/// </summary>
internal static class PoseMessages
{
    internal static class Render
    {
        public const string Title = "Heatmaps";
        public const string Yours = "your heatmaps";
        public const string ReturnedNull = "your heatmaps are null.";
        /// <summary>{0} images, {1} joints, {2} size, {3} shape returned, {4} expected.</summary>
        public const string Shape = "for {0} images of {1} joints at size {2} your heatmaps have shape {3}; expected {4} (image, joint, row y, column x).";
        /// <summary>{0} x, {1} y, {2} value found.</summary>
        public const string NotOneAtJoint = "at a joint (x {0}, y {1}) your heatmap is {2}; a heatmap is 1 exactly at its joint, falling towards 0 away from it.";
        /// <summary>{0} x, {1} y.</summary>
        public const string Transposed = "your bump for the joint at x {0}, y {1} sits at x {1}, y {0}: x and y are swapped. A heatmap's rows are y and its columns x.";
        /// <summary>{0} sigma, {1} value found, {2} expected.</summary>
        public const string Width = "{0} pixels (one sigma) from a joint your heatmap is {1}; a Gaussian of width sigma is exp(-1/2) = {2} there. Check the exponent: -d² / (2·sigma²).";
        /// <summary>{0} image, {1} joint.</summary>
        public const string WrongPlace = "the heatmap of image {0}, joint {1} has its bump away from that joint: each heatmap [i, j] belongs to joint j of image i.";
        public const string OutOfRange = "your heatmaps have values outside 0..1; they are targets for probabilities.";
    }

    internal static class Sigmas
    {
        public const string Title = "Heatmap widths to try";
        public const string NotChosen = "no widths chosen yet: set sigmas to three or more widths in pixels, e.g. from narrow to wide.";
        /// <summary>{0} how many.</summary>
        public const string TooFew = "you chose {0} different width(s); try at least three, to see PCK rise and fall.";
        /// <summary>{0} a width.</summary>
        public const string OutOfRange = "sigma {0} is outside 0.5..8 pixels: narrower than half a pixel is a single dot, wider than 8 covers the whole person on 64x64 pictures.";
        /// <summary>{0} smallest, {1} largest.</summary>
        public const string TooClose = "your widths go from {0} to {1}: spread them wider (the largest at least 4 times the smallest), or the differences drown in noise.";
    }

    internal static class Loss
    {
        public const string Title = "MSE heatmap loss";
        public const string Yours = "your loss";
        public const string ReturnedNull = "your loss returned null.";
        /// <summary>{0} shape returned.</summary>
        public const string NotScalar = "your loss returns a tensor of shape {0}; a loss is one number (shape []), so backward() knows what to lower.";
        /// <summary>{0} value, {1} expected.</summary>
        public const string OnLogits = "your loss is {0}, the squared difference of the logits themselves and the heatmaps; the heatmaps hold probabilities, so compare sigmoid(logits) with them. Expected {1}.";
        /// <summary>{0} value, {1} expected, {2} how many times larger.</summary>
        public const string Sum = "your loss is {0}, {2} times the expected {1}: it adds the squared differences up; average them over all pixels, so the loss does not grow with the picture.";
        /// <summary>{0} value, {1} expected.</summary>
        public const string NotSquared = "your loss is {0}, the mean absolute difference; mean squared error squares each difference before averaging. Expected {1}.";
        /// <summary>{0} value, {1} expected.</summary>
        public const string Root = "your loss is {0}, the square root of the mean squared error; the loss is the mean itself. Expected {1}.";
        /// <summary>{0} value, {1} expected.</summary>
        public const string Wrong = "your loss is {0} for these logits and heatmaps; expected {1}, the mean of (sigmoid(logit) - heatmap)² over every value.";
        public const string NoGradient = "no gradient reaches the logits through your loss: build it from the tensors you are given with tensor operations (no .item(), no new tensors from plain numbers).";
    }

    internal static class Bones
    {
        public const string Title = "Elbows and knees";
        public const string ReturnedNull = "your skeleton is null.";
        /// <summary>{0} the missing joints.</summary>
        public const string Missing = "your skeleton lacks {0}: it needs all eleven joints.";
        /// <summary>{0} joint, {1} the joint it hangs from now, {2} the joint it should hang from.</summary>
        public const string Reattach = "your {0} is joined to the {1}; with elbows and knees, it hangs from the {2}.";
        /// <summary>{0} one joint, {1} the other.</summary>
        public const string Crossed = "your skeleton joins the {0} to the {1}: a limb stays on one side of the body.";
        /// <summary>{0} one joint, {1} the other.</summary>
        public const string Extra = "your skeleton joins the {0} to the {1}, which no bone joins.";
        /// <summary>{0} one joint, {1} the other.</summary>
        public const string MissingBone = "nothing joins the {0} to the {1}.";
    }

    internal static class Peaks
    {
        public const string Title = "Peaks";
        public const string Yours = "your peak finder";
        public const string ReturnedNull = "your peak finder returned null.";
        /// <summary>{0} the case, {1} points found, {2} expected.</summary>
        public const string Count = "for {0} your peak finder returns {1} point(s); expected {2}.";
        public const string HintAllAbove = "Pixels above the threshold around a peak are its slopes: keep only a pixel larger than its neighbours.";
        public const string HintOnlyOne = "A frame can hold several people, so a heatmap can have several peaks.";
        public const string HintThreshold = "A faint bump below the threshold is not a joint.";
        /// <summary>{0} the case, {1} points found, {2} expected.</summary>
        public const string Places = "for {0} your peak finder returns {1}; expected {2} (x, y).";
        public const string CaseTwo = "two bumps (two people's heads)";
        public const string CaseOne = "one bump";
        public const string CaseFaint = "one bump and a faint one below the threshold";
        public const string CaseEdge = "a bump at the picture's edge";
    }

    internal static class Plan
    {
        public const string Title = "Training for hard people";
        public const string NotChosen = "no plan yet: set plan = new PoseTrainingPlan { Scenes = ..., People = ..., Epochs = ..., Widths = [...] }.";
        /// <summary>{0} people.</summary>
        public const string People = "People = {0}: choose 64 to 2000 generated people to train on.";
        /// <summary>{0} epochs.</summary>
        public const string Epochs = "Epochs = {0}: choose 1 to 30.";
        /// <summary>{0} the widths.</summary>
        public const string Widths = "Widths = [{0}]: give 2 to 5 levels of 4 to 256 channels each.";
        /// <summary>{0} people x epochs, {1} the budget.</summary>
        public const string Budget = "People x Epochs = {0}: keep it at most {1}, so the training takes minutes, not hours, on a laptop.";
    }

    internal static class Hard
    {
        public const string Title = "Hard people";
        /// <summary>{0} your PCK, {1} the target.</summary>
        public const string BelowTarget = "your network finds {0} of the hard test people's joints within 4 pixels; the target is {1}.";
        /// <summary>{0} your PCK, {1} baseline, {2} the gain needed.</summary>
        public const string NoBetter = "your network ({0}) is not clearly better than the baseline ({1}): beat it by {2} or more.";
    }

    /// <summary>The challenge's pieces, as "using your ..." and "using the library's ..." name them.</summary>
    internal static class Pieces
    {
        public const string Heatmaps = "heatmaps";
        public const string Sigmas = "heatmap widths";
        public const string MseLoss = "MSE loss";
        public const string Skeleton = "skeleton";
        public const string Peaks = "peak finder";
        public const string Plan = "training plan (the baseline's)";
    }
}
