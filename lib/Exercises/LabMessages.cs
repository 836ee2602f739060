namespace Segmentation.Exercises;

// Every sentence the checks show a learner lives in these tables, one per check, as composite format strings
// ({0}, {1}... filled in by LabCheckTools.Say with invariant-culture numbers). Nothing a learner reads is built
// elsewhere, so another language is a second set of these tables (e.g. .resx resources with the same names).

/// <summary>Sentences shared by every check (the lab's and the pose challenge's).</summary>
internal static class CheckMessages
{
    public const string NotImplemented =
        "not implemented yet: replace the `throw new NotImplementedException()` with your code, then run this check again.";
    /// <summary>{0} what ran ("your loader"), {1} the exception's type, {2} its message's first line.</summary>
    public const string Stopped = "{0} stopped with {1}: {2}";
    /// <summary>{0} exercise title, {1} number of cases.</summary>
    public const string AllPass = "✓ {0}: all {1} cases pass.";
    /// <summary>{0} exercise title, {1} number of problems (1).</summary>
    public const string NotThereYetOne = "✗ {0}: not there yet ({1} problem).";
    /// <summary>{0} exercise title, {1} number of problems.</summary>
    public const string NotThereYetMany = "✗ {0}: not there yet ({1} problems).";
    /// <summary>{0} the piece ("loader"), {1} exercise number.</summary>
    public const string UsingYours = "→ using your {0} (exercise {1}).";
    /// <summary>{0} the piece, {1} exercise number.</summary>
    public const string UsingLibraryNotDone = "→ using the library's {0} because your exercise {1} is not done yet.";
    /// <summary>{0} the piece, {1} exercise number.</summary>
    public const string UsingLibraryNotPassing = "→ using the library's {0} because your exercise {1} does not pass its check yet.";
}

/// <summary>The lab's checks (<see cref="LabChecks"/>), one table per exercise, and the lab's pipeline lines.</summary>
internal static class LabMessages
{
    internal static class Loading
    {
        public const string Title = "Loading MADS";
        public const string Yours = "your loader";
        public const string ReturnedNull = "your loader returned null instead of the images and masks.";
        /// <summary>{0} frames, {1} size, {2} shape returned, {3} shape expected.</summary>
        public const string ImageShape = "for {0} frames at size {1} your images have shape {2}; expected {3} (frames, red-green-blue, height, width).";
        /// <summary>{0} frames, {1} size, {2} shape returned, {3} shape expected.</summary>
        public const string MaskShape = "for {0} frames at size {1} your masks have shape {2}; expected {3} (one channel: person or not).";
        /// <summary>{0} largest value.</summary>
        public const string ImageRange = "your image values go up to {0}; expected 0..1: divide by 255.";
        /// <summary>{0} a value found in the masks.</summary>
        public const string MaskNotBinary = "your masks contain {0}; expected only 0 (background) and 1 (person): threshold the gray levels.";
        /// <summary>{0} frame number (1-based), {1} frame name.</summary>
        public const string MaskInverted = "your mask of frame {0} ({1}) marks the background as 1: in the mask files the person is the bright part.";
        /// <summary>{0} frame number (1-based), {1} frame name.</summary>
        public const string MaskOfAnotherFrame = "your mask number {0} is not the mask of frame {0} ({1}): it matches another frame's mask better. Pair each image with its own mask, in the frames' order.";
        /// <summary>{0} percent more person pixels.</summary>
        public const string MaskTooFat = "your masks have {0}% more person pixels than the mask files: the edge pixels that resizing made gray are only half person. Where do you cut?";
        /// <summary>{0} percent fewer person pixels.</summary>
        public const string MaskTooThin = "your masks have {0}% fewer person pixels than the mask files: the edge pixels that resizing made gray are half person too. Where do you cut?";
        /// <summary>{0} frame number (1-based), {1} frame name, {2} mean difference.</summary>
        public const string ImageDiffers = "your image number {0} differs from the photo of frame {0} ({1}) by {2} per value on average.";
    }

    internal static class Split
    {
        public const string Title = "Split by recording";
        public const string Yours = "your split";
        public const string ReturnedNull = "your split returned null instead of two lists of frames.";
        /// <summary>{0} frames missing, {1} frames in all, {2} an example.</summary>
        public const string Missing = "{0} of the {1} frames are on neither side (e.g. {2}); every frame goes to training or to held-out.";
        /// <summary>{0} frames seen twice, {1} an example.</summary>
        public const string Twice = "{0} frames appear more than once (e.g. {1}); each frame goes to exactly one side.";
        /// <summary>{0} the fraction asked for.</summary>
        public const string NothingHeldOut = "nothing is held out: with fraction {0} about that share of the recordings should be.";
        public const string NothingForTraining = "nothing is left for training.";
        /// <summary>{0} recordings on both sides, {1} recordings in all, {2} an example.</summary>
        public const string Leaks = "{0} of the {1} recordings have frames on both sides (e.g. {2}): keep all frames of a SequenceKey together.";
        /// <summary>{0} frames held out, {1} frames in all, {2} fraction.</summary>
        public const string WrongShare = "{0} of {1} frames are held out for fraction {2}; expected about that share of the recordings (whole recordings of 6 frames).";
        public const string NotRepeatable = "your split gives a different answer each time it runs, so the test recordings would change from run to run: draw from a Random with a fixed seed.";
        /// <summary>{0} frames of the dataset.</summary>
        public const string RealEmpty = "on the dataset's {0} frames with fraction 0.2 one side of your split is empty.";
        /// <summary>{0} frames of the dataset, {1} recordings on both sides, {2} an example.</summary>
        public const string RealLeaks = "on the dataset's {0} frames with fraction 0.2, {1} recordings have frames on both sides (e.g. {2}).";
    }

    internal static class Augmentation
    {
        public const string Title = "Augmentation";
        public const string Yours = "your augmentation";
        public const string ReturnedNull = "your augmentation returned null instead of an image and a mask.";
        public const string InPlace = "your augmentation changed the tensors it was given (in place); return new tensors, so the dataset stays as it was.";
        /// <summary>{0} image shape returned, {1} mask shape returned, {2} image shape given, {3} mask shape given.</summary>
        public const string Shapes = "your augmentation returned an image {0} and a mask {1}; expected the shapes it was given, {2} and {3}.";
        public const string MaskBlended = "your augmentation leaves mask values between 0 and 1 (blended pixels): a mask must stay 0 or 1.";
        /// <summary>{0} smallest value, {1} largest value.</summary>
        public const string ImageRange = "your augmentation makes image values outside 0..1 (from {0} to {1}): clamp them.";
        /// <summary>{0} the draw, {1} correlation.</summary>
        public const string Misaligned = "after your augmentation the image and its mask no longer line up (draw {0}: the bright shape and the mask overlap poorly, correlation {1}): every change of place must happen to both.";
        public const string NotRepeatable = "with the same Random seed your augmentation gave different results: draw every random number from the `random` you are given, so runs can be repeated.";
        /// <summary>{0} draws.</summary>
        public const string Unchanged = "in {0} random draws your augmentation returned the image and mask unchanged.";
        /// <summary>{0} draws.</summary>
        public const string OnlyColours = "in {0} random draws only the colours changed: add a change of place (geometry), made to image and mask together.";
    }

    internal static class Metrics
    {
        public const string Title = "IoU and Dice";
        /// <summary>{0} IoU or Dice.</summary>
        public const string Yours = "your {0}";
        /// <summary>{0} IoU or Dice, {1} the problem.</summary>
        public const string NamedProblem = "{0}: {1}";
        /// <summary>{0} the problem, {1} the case.</summary>
        public const string ProblemOn = "{0} (on {1}).";
        /// <summary>{0} IoU or Dice, {1} value, {2} case, {3} expected.</summary>
        public const string AveragesImages = "your {0} averages the images' scores ({1}) for {2}; expected {3}: count the pixels of the whole batch together, then divide once.";
        /// <summary>{0} IoU or Dice, {1} case, {2} expected.</summary>
        public const string NaN = "your {0} returns NaN for {1}; expected {2}. When there is nothing to find and nothing was found, the score is {2}: guard the division by zero.";
        /// <summary>{0} IoU or Dice, {1} value, {2} case, {3} expected.</summary>
        public const string Wrong = "your {0} returns {1} for {2}; expected {3}.";
        /// <summary>{0} IoU or Dice, {1} the other score, {2} cases, {3} the formula of the first.</summary>
        public const string ReturnsOther = "your {0} returns the {1} score on {2} cases. {3}.";
        public const string IouFormula = "IoU = overlap / union = |P∩T| / |P∪T|";
        public const string DiceFormula = "Dice = 2·|P∩T| / (|P| + |T|)";
        public const string CaseEqual = "a prediction equal to the mask";
        public const string CaseHalf = "a prediction overlapping half of the mask (2 shared pixels of 4 each)";
        public const string CaseEmptyPrediction = "an empty prediction against a non-empty mask";
        public const string CaseEmptyMask = "a non-empty prediction against an empty mask";
        public const string CaseBothEmpty = "an empty prediction against an empty mask";
        public const string CaseBatch = "a batch of two images (one tiny and perfect, one large and half found)";
    }

    internal static class HeldOut
    {
        public const string Title = "Held-out IoU";
        public const string Yours = "your held-out IoU";
        /// <summary>{0} value, {1} threshold, {2} expected.</summary>
        public const string AveragesImages = "your held-out IoU averages the images' scores ({0} at threshold {1}); this lab reports IoU over all held-out pixels together ({2}): add up the counts, then divide once.";
        /// <summary>{0} threshold, {1} value, {2} expected.</summary>
        public const string IgnoresThreshold = "at threshold {0} your held-out IoU gives {1}, the same as at 0.5: it must use the threshold it is given. Expected {2}.";
        /// <summary>{0} threshold, {1} value, {2} expected.</summary>
        public const string LogitsAgainstProbability = "at threshold {0} your held-out IoU gives {1}, as if the logits were compared with the threshold itself; the threshold is a probability, and logits are raw scores. Expected {2}.";
        /// <summary>{0} value, {1} threshold, {2} expected.</summary>
        public const string Wrong = "your held-out IoU returns {0} for two images of logits at threshold {1}; expected {2} (person where the probability is above the threshold, pixels of all images counted together).";
    }

    internal static class Decoder
    {
        public const string Title = "Decoder block";
        /// <summary>{0} channels from below, {1} skip channels, {2} output channels.</summary>
        public const string Made = "makeBlock({0}, {1}, {2})";
        /// <summary>{0} the call.</summary>
        public const string ReturnedNull = "{0} returned null instead of a module.";
        /// <summary>{0} shape from below, {1} shape of the skip.</summary>
        public const string Forward = "forward with below {0} and skip {1}";
        public const string ForwardAgain = "forward";
        /// <summary>{0} the skip's size, {1} channels from below, {2} skip channels, {3} their sum.</summary>
        public const string ForwardFailedHint = "Hint: `below` must be {0}x{0} before it can join the skip; after joining there are {1} + {2} = {3} channels for the convolution.";
        public const string NotUpsampled = " — as small as the map from below: it has to grow x2.";
        /// <summary>{0} output channels.</summary>
        public const string WrongChannels = " — the last convolution should give {0} channels.";
        /// <summary>{0} shape from below, {1} skip shape, {2} shape returned, {3} expected, {4} a hint.</summary>
        public const string WrongShape = "for below {0} and skip {1} your block returns {2}; expected {3}{4}";
        public const string NoWeights = "your block has no trainable weights: its convolution must be created in the constructor and registered with RegisterComponents().";
        public const string IgnoresSkip = "your block's output does not change when the skip changes: the skip connection is lost.";
        public const string IgnoresBelow = "your block's output does not change when the map from below changes: it must use the upsampled map, not only the skip.";
    }

    internal static class Training
    {
        public const string Title = "Loss and training options";
        public const string YourLoss = "your loss";
        /// <summary>{0} the loss names.</summary>
        public const string NoOptions = "no options chosen yet: set options = new TrainingOptions {{ Loss = LossCatalog.Create(name), Epochs = ..., BatchSize = ..., LearningRate = ... }} (the losses: {0}).";
        /// <summary>{0} the loss names.</summary>
        public const string NoLoss = "choose a loss: Loss = LossCatalog.Create(name), one of {0}.";
        /// <summary>{0} the problem.</summary>
        public const string LossFailed = "{0}: it was given logits [1, 1, 8, 8] and a 0/1 mask of the same shape, which is what the network gives and what our masks are.";
        /// <summary>{0} loss for right logits, {1} loss for wrong ones.</summary>
        public const string LossNotFinite = "your loss gives {0} and {1}: it must be a finite number.";
        /// <summary>{0} loss for right logits, {1} loss for wrong ones.</summary>
        public const string LossBackwards = "your loss is {0} for right logits and {1} for wrong ones: it must be smaller for right answers. Does it take logits (raw scores), not probabilities?";
        /// <summary>{0} epochs.</summary>
        public const string Epochs = "Epochs = {0}: choose 1 to 60 (the most epochs to train; the best one is picked on the validation recordings).";
        /// <summary>{0} batch size.</summary>
        public const string BatchSize = "BatchSize = {0}: choose 1 to 64 (4 to 16 suits a laptop).";
        /// <summary>{0} learning rate.</summary>
        public const string LearningRate = "LearningRate = {0}: for Adam choose between 1e-5 and 0.05.";
    }

    internal static class Worst
    {
        public const string Title = "Worst predictions";
        public const string Yours = "your search";
        /// <summary>{0} asked for, {1} returned, {2} asked for.</summary>
        public const string WrongCount = "asked for the {0} worst of 5 images your code returns {1} indices; expected {2}.";
        /// <summary>{0} asked for, {1} returned, {2} expected.</summary>
        public const string IncludesBest = "asked for the {0} worst your code returns {1}, which includes one of the best images (0, IoU 0.79): sort by IoU from lowest to highest. Expected {2}.";
        /// <summary>{0} asked for, {1} returned, {2} expected.</summary>
        public const string IncludesBothEmpty = "asked for the {0} worst your code returns {1}, including image 2, which has nothing to find and found nothing: its IoU is 1, a perfect answer. Expected {2}.";
        /// <summary>{0} asked for, {1} returned, {2} expected.</summary>
        public const string Wrong = "asked for the {0} worst your code returns {1}; expected {2} (lowest IoU first).";
    }

    internal static class Count
    {
        public const string Title = "Counting people";
        public const string Yours = "your counter";
        /// <summary>{0} the case, {1} counted, {2} expected.</summary>
        public const string Wrong = "for {0} your counter returns {1}; expected {2}.";
        public const string CaseEmpty = "an empty mask";
        public const string CaseOne = "one person";
        public const string CaseTwo = "two people apart";
        public const string CaseLegsApart = "one person standing with legs apart";
        /// <summary>{0} pixels of the far person.</summary>
        public const string CaseNearAndFar = "a near person and a far one ({0} pixels)";
        public const string CaseSpecks = "one person and three specks of 4 to 12 pixels";
        public const string HintConnected = "A person is one connected region, however it bends.";
        /// <summary>{0} pixels of the far person.</summary>
        public const string HintTooStrict = "Your size rule drops a real person of {0} pixels.";
        public const string HintSpecks = "Specks of a few pixels are noise, not people.";
    }

    /// <summary>The lab's pieces, as the pipeline names them in "using your ..." and "using the library's ...".</summary>
    internal static class Pieces
    {
        public const string Loader = "loader";
        public const string Split = "split";
        public const string Augmentation = "augmentation";
        public const string Metrics = "IoU and Dice";
        public const string HeldOutIou = "held-out IoU";
        public const string DecoderBlock = "decoder block";
        public const string Options = "training options";
        public const string LibraryOptions = "training options (a short run of 2 epochs)";
        public const string WorstImages = "search for the worst predictions";
        public const string CountPeople = "people counter";
    }

    /// <summary>Lines the lab's pipeline prints (<see cref="LabTraining"/>).</summary>
    internal static class Pipeline
    {
        /// <summary>{0} epoch, {1} of epochs, {2} training loss, {3} validation loss, {4} validation IoU, {5} seconds, {6} mark of a new best.</summary>
        public const string Epoch = "epoch {0}/{1}: training loss {2}, validation loss {3}, validation IoU {4}  ({5} s){6}";
        public const string NewBest = "  ← best so far";
        /// <summary>{0} best epoch, {1} its validation IoU, {2} epochs trained.</summary>
        public const string Restored = "best epoch on the validation recordings: {0} (IoU {1}) of {2}; the network now holds that epoch's weights.";
        public const string CurvesTitle = "U-Net on MADS";
        public const string ScoreTitle = "IoU";
        public const string TrainingLoss = "training loss";
        public const string ValidationLoss = "validation loss";
        public const string ValidationIou = "validation IoU";
    }
}
