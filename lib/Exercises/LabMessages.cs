namespace Segmentation.Exercises;

// Every sentence the checks show a learner lives in these tables, one per check, as composite format strings
// ({0}, {1}... filled in by LabCheckTools.Say with invariant-culture numbers). Nothing a learner reads is built
// elsewhere. Each sentence is written in English and read through Course.Text, so it comes out in the language the
// notebook chose: the translations are the catalogues in lib/Languages, keyed by these English sentences.

/// <summary>Sentences shared by every check (the lab's and the pose challenge's).</summary>
internal static class CheckMessages
{
    public static string NotImplemented =>
        Course.Text("not implemented yet: replace the `throw new NotImplementedException()` with your code, then run this check again.");
    /// <summary>{0} what ran ("your loader"), {1} the exception's type, {2} its message's first line.</summary>
    public static string Stopped => Course.Text("{0} stopped with {1}: {2}");
    /// <summary>{0} exercise title, {1} number of cases.</summary>
    public static string AllPass => Course.Text("✓ {0}: all {1} cases pass.");
    /// <summary>{0} exercise title, {1} number of problems (1).</summary>
    public static string NotThereYetOne => Course.Text("✗ {0}: not there yet ({1} problem).");
    /// <summary>{0} exercise title, {1} number of problems.</summary>
    public static string NotThereYetMany => Course.Text("✗ {0}: not there yet ({1} problems).");
    /// <summary>{0} the piece ("loader"), {1} exercise number.</summary>
    public static string UsingYours => Course.Text("→ using your {0} (exercise {1}).");
    /// <summary>{0} the piece, {1} exercise number.</summary>
    public static string UsingLibraryNotDone => Course.Text("→ using the library's {0} because your exercise {1} is not done yet.");
    /// <summary>{0} the piece, {1} exercise number.</summary>
    public static string UsingLibraryNotPassing => Course.Text("→ using the library's {0} because your exercise {1} does not pass its check yet.");
}

/// <summary>The lab's checks (<see cref="LabChecks"/>), one table per exercise, and the lab's pipeline lines.</summary>
internal static class LabMessages
{
    internal static class Loading
    {
        public static string Title => Course.Text("Loading MADS");
        public static string Yours => Course.Text("your loader");
        public static string ReturnedNull => Course.Text("your loader returned null instead of the images and masks.");
        /// <summary>{0} frames, {1} size, {2} shape returned, {3} shape expected.</summary>
        public static string ImageShape => Course.Text("for {0} frames at size {1} your images have shape {2}; expected {3} (frames, red-green-blue, height, width).");
        /// <summary>{0} frames, {1} size, {2} shape returned, {3} shape expected.</summary>
        public static string MaskShape => Course.Text("for {0} frames at size {1} your masks have shape {2}; expected {3} (one channel: person or not).");
        /// <summary>{0} largest value.</summary>
        public static string ImageRange => Course.Text("your image values go up to {0}; expected 0..1: divide by 255.");
        /// <summary>{0} a value found in the masks.</summary>
        public static string MaskNotBinary => Course.Text("your masks contain {0}; expected only 0 (background) and 1 (person): threshold the gray levels.");
        /// <summary>{0} frame number (1-based), {1} frame name.</summary>
        public static string MaskInverted => Course.Text("your mask of frame {0} ({1}) marks the background as 1: in the mask files the person is the bright part.");
        /// <summary>{0} frame number (1-based), {1} frame name.</summary>
        public static string MaskOfAnotherFrame => Course.Text("your mask number {0} is not the mask of frame {0} ({1}): it matches another frame's mask better. Pair each image with its own mask, in the frames' order.");
        /// <summary>{0} percent more person pixels.</summary>
        public static string MaskTooFat => Course.Text("your masks have {0}% more person pixels than the mask files: the edge pixels that resizing made gray are only half person. Where do you cut?");
        /// <summary>{0} percent fewer person pixels.</summary>
        public static string MaskTooThin => Course.Text("your masks have {0}% fewer person pixels than the mask files: the edge pixels that resizing made gray are half person too. Where do you cut?");
        /// <summary>{0} frame number (1-based), {1} frame name, {2} mean difference.</summary>
        public static string ImageDiffers => Course.Text("your image number {0} differs from the photo of frame {0} ({1}) by {2} per value on average.");
    }

    internal static class Split
    {
        public static string Title => Course.Text("Split by recording");
        public static string Yours => Course.Text("your split");
        public static string ReturnedNull => Course.Text("your split returned null instead of two lists of frames.");
        /// <summary>{0} frames missing, {1} frames in all, {2} an example.</summary>
        public static string Missing => Course.Text("{0} of the {1} frames are on neither side (e.g. {2}); every frame goes to training or to held-out.");
        /// <summary>{0} frames seen twice, {1} an example.</summary>
        public static string Twice => Course.Text("{0} frames appear more than once (e.g. {1}); each frame goes to exactly one side.");
        /// <summary>{0} the fraction asked for.</summary>
        public static string NothingHeldOut => Course.Text("nothing is held out: with fraction {0} about that share of the recordings should be.");
        public static string NothingForTraining => Course.Text("nothing is left for training.");
        /// <summary>{0} recordings on both sides, {1} recordings in all, {2} an example.</summary>
        public static string Leaks => Course.Text("{0} of the {1} recordings have frames on both sides (e.g. {2}): keep all frames of a SequenceKey together.");
        /// <summary>{0} frames held out, {1} frames in all, {2} fraction.</summary>
        public static string WrongShare => Course.Text("{0} of {1} frames are held out for fraction {2}; expected about that share of the recordings (whole recordings of 6 frames).");
        public static string NotRepeatable => Course.Text("your split gives a different answer each time it runs, so the test recordings would change from run to run: draw from a Random with a fixed seed.");
        /// <summary>{0} frames of the dataset.</summary>
        public static string RealEmpty => Course.Text("on the dataset's {0} frames with fraction 0.2 one side of your split is empty.");
        /// <summary>{0} frames of the dataset, {1} recordings on both sides, {2} an example.</summary>
        public static string RealLeaks => Course.Text("on the dataset's {0} frames with fraction 0.2, {1} recordings have frames on both sides (e.g. {2}).");
    }

    internal static class Augmentation
    {
        public static string Title => Course.Text("Augmentation");
        public static string Yours => Course.Text("your augmentation");
        public static string ReturnedNull => Course.Text("your augmentation returned null instead of an image and a mask.");
        public static string InPlace => Course.Text("your augmentation changed the tensors it was given (in place); return new tensors, so the dataset stays as it was.");
        /// <summary>{0} image shape returned, {1} mask shape returned, {2} image shape given, {3} mask shape given.</summary>
        public static string Shapes => Course.Text("your augmentation returned an image {0} and a mask {1}; expected the shapes it was given, {2} and {3}.");
        public static string MaskBlended => Course.Text("your augmentation leaves mask values between 0 and 1 (blended pixels): a mask must stay 0 or 1.");
        /// <summary>{0} smallest value, {1} largest value.</summary>
        public static string ImageRange => Course.Text("your augmentation makes image values outside 0..1 (from {0} to {1}): clamp them.");
        /// <summary>{0} the draw, {1} correlation.</summary>
        public static string Misaligned => Course.Text("after your augmentation the image and its mask no longer line up (draw {0}: the bright shape and the mask overlap poorly, correlation {1}): every change of place must happen to both.");
        public static string NotRepeatable => Course.Text("with the same Random seed your augmentation gave different results: draw every random number from the `random` you are given, so runs can be repeated.");
        /// <summary>{0} draws.</summary>
        public static string Unchanged => Course.Text("in {0} random draws your augmentation returned the image and mask unchanged.");
        /// <summary>{0} draws.</summary>
        public static string OnlyColours => Course.Text("in {0} random draws only the colours changed: add a change of place (geometry), made to image and mask together.");
    }

    internal static class Metrics
    {
        public static string Title => Course.Text("IoU and Dice");
        /// <summary>{0} IoU or Dice.</summary>
        public static string Yours => Course.Text("your {0}");
        /// <summary>{0} IoU or Dice, {1} the problem.</summary>
        public static string NamedProblem => Course.Text("{0}: {1}");
        /// <summary>{0} the problem, {1} the case.</summary>
        public static string ProblemOn => Course.Text("{0} (on {1}).");
        /// <summary>{0} IoU or Dice, {1} value, {2} case, {3} expected.</summary>
        public static string AveragesImages => Course.Text("your {0} averages the images' scores ({1}) for {2}; expected {3}: count the pixels of the whole batch together, then divide once.");
        /// <summary>{0} IoU or Dice, {1} case, {2} expected.</summary>
        public static string NaN => Course.Text("your {0} returns NaN for {1}; expected {2}. When there is nothing to find and nothing was found, the score is {2}: guard the division by zero.");
        /// <summary>{0} IoU or Dice, {1} value, {2} case, {3} expected.</summary>
        public static string Wrong => Course.Text("your {0} returns {1} for {2}; expected {3}.");
        /// <summary>{0} IoU or Dice, {1} the other score, {2} cases, {3} the formula of the first.</summary>
        public static string ReturnsOther => Course.Text("your {0} returns the {1} score on {2} cases. {3}.");
        public static string IouFormula => Course.Text("IoU = overlap / union = |P∩T| / |P∪T|");
        public static string DiceFormula => Course.Text("Dice = 2·|P∩T| / (|P| + |T|)");
        public static string CaseEqual => Course.Text("a prediction equal to the mask");
        public static string CaseHalf => Course.Text("a prediction overlapping half of the mask (2 shared pixels of 4 each)");
        public static string CaseEmptyPrediction => Course.Text("an empty prediction against a non-empty mask");
        public static string CaseEmptyMask => Course.Text("a non-empty prediction against an empty mask");
        public static string CaseBothEmpty => Course.Text("an empty prediction against an empty mask");
        public static string CaseBatch => Course.Text("a batch of two images (one tiny and perfect, one large and half found)");
    }

    internal static class HeldOut
    {
        public static string Title => Course.Text("Held-out IoU");
        public static string Yours => Course.Text("your held-out IoU");
        /// <summary>{0} value, {1} threshold, {2} expected.</summary>
        public static string AveragesImages => Course.Text("your held-out IoU averages the images' scores ({0} at threshold {1}); this lab reports IoU over all held-out pixels together ({2}): add up the counts, then divide once.");
        /// <summary>{0} threshold, {1} value, {2} expected.</summary>
        public static string IgnoresThreshold => Course.Text("at threshold {0} your held-out IoU gives {1}, the same as at 0.5: it must use the threshold it is given. Expected {2}.");
        /// <summary>{0} threshold, {1} value, {2} expected.</summary>
        public static string LogitsAgainstProbability => Course.Text("at threshold {0} your held-out IoU gives {1}, as if the logits were compared with the threshold itself; the threshold is a probability, and logits are raw scores. Expected {2}.");
        /// <summary>{0} value, {1} threshold, {2} expected.</summary>
        public static string Wrong => Course.Text("your held-out IoU returns {0} for two images of logits at threshold {1}; expected {2} (person where the probability is above the threshold, pixels of all images counted together).");
    }

    internal static class Decoder
    {
        public static string Title => Course.Text("Decoder block");
        /// <summary>{0} channels from below, {1} skip channels, {2} output channels.</summary>
        public static string Made => Course.Text("makeBlock({0}, {1}, {2})");
        /// <summary>{0} the call.</summary>
        public static string ReturnedNull => Course.Text("{0} returned null instead of a module.");
        /// <summary>{0} shape from below, {1} shape of the skip.</summary>
        public static string Forward => Course.Text("forward with below {0} and skip {1}");
        public static string ForwardAgain => Course.Text("forward");
        /// <summary>{0} the skip's size, {1} channels from below, {2} skip channels, {3} their sum.</summary>
        public static string ForwardFailedHint => Course.Text("Hint: `below` must be {0}x{0} before it can join the skip; after joining there are {1} + {2} = {3} channels for the convolution.");
        public static string NotUpsampled => Course.Text(" — as small as the map from below: it has to grow x2.");
        /// <summary>{0} output channels.</summary>
        public static string WrongChannels => Course.Text(" — the last convolution should give {0} channels.");
        /// <summary>{0} shape from below, {1} skip shape, {2} shape returned, {3} expected, {4} a hint.</summary>
        public static string WrongShape => Course.Text("for below {0} and skip {1} your block returns {2}; expected {3}{4}");
        public static string NoWeights => Course.Text("your block has no trainable weights: its convolution must be created in the constructor and registered with RegisterComponents().");
        public static string IgnoresSkip => Course.Text("your block's output does not change when the skip changes: the skip connection is lost.");
        public static string IgnoresBelow => Course.Text("your block's output does not change when the map from below changes: it must use the upsampled map, not only the skip.");
    }

    internal static class Training
    {
        public static string Title => Course.Text("Loss and training options");
        public static string YourLoss => Course.Text("your loss");
        /// <summary>{0} the loss names.</summary>
        public static string NoOptions => Course.Text("no options chosen yet: set options = new TrainingOptions {{ Loss = LossCatalog.Create(name), Epochs = ..., BatchSize = ..., LearningRate = ... }} (the losses: {0}).");
        /// <summary>{0} the loss names.</summary>
        public static string NoLoss => Course.Text("choose a loss: Loss = LossCatalog.Create(name), one of {0}.");
        /// <summary>{0} the problem.</summary>
        public static string LossFailed => Course.Text("{0}: it was given logits [1, 1, 8, 8] and a 0/1 mask of the same shape, which is what the network gives and what our masks are.");
        /// <summary>{0} loss for right logits, {1} loss for wrong ones.</summary>
        public static string LossNotFinite => Course.Text("your loss gives {0} and {1}: it must be a finite number.");
        /// <summary>{0} loss for right logits, {1} loss for wrong ones.</summary>
        public static string LossBackwards => Course.Text("your loss is {0} for right logits and {1} for wrong ones: it must be smaller for right answers. Does it take logits (raw scores), not probabilities?");
        /// <summary>{0} epochs.</summary>
        public static string Epochs => Course.Text("Epochs = {0}: choose 1 to 60 (the most epochs to train; the best one is picked on the validation recordings).");
        /// <summary>{0} batch size.</summary>
        public static string BatchSize => Course.Text("BatchSize = {0}: choose 1 to 64 (4 to 16 suits a laptop).");
        /// <summary>{0} learning rate.</summary>
        public static string LearningRate => Course.Text("LearningRate = {0}: for Adam choose between 1e-5 and 0.05.");
    }

    internal static class Worst
    {
        public static string Title => Course.Text("Worst predictions");
        public static string Yours => Course.Text("your search");
        /// <summary>{0} asked for, {1} returned, {2} asked for.</summary>
        public static string WrongCount => Course.Text("asked for the {0} worst of 5 images your code returns {1} indices; expected {2}.");
        /// <summary>{0} asked for, {1} returned, {2} expected.</summary>
        public static string IncludesBest => Course.Text("asked for the {0} worst your code returns {1}, which includes one of the best images (0, IoU 0.79): sort by IoU from lowest to highest. Expected {2}.");
        /// <summary>{0} asked for, {1} returned, {2} expected.</summary>
        public static string IncludesBothEmpty => Course.Text("asked for the {0} worst your code returns {1}, including image 2, which has nothing to find and found nothing: its IoU is 1, a perfect answer. Expected {2}.");
        /// <summary>{0} asked for, {1} returned, {2} expected.</summary>
        public static string Wrong => Course.Text("asked for the {0} worst your code returns {1}; expected {2} (lowest IoU first).");
    }

    internal static class Count
    {
        public static string Title => Course.Text("Counting people");
        public static string Yours => Course.Text("your counter");
        /// <summary>{0} the case, {1} counted, {2} expected.</summary>
        public static string Wrong => Course.Text("for {0} your counter returns {1}; expected {2}.");
        public static string CaseEmpty => Course.Text("an empty mask");
        public static string CaseOne => Course.Text("one person");
        public static string CaseTwo => Course.Text("two people apart");
        public static string CaseLegsApart => Course.Text("one person standing with legs apart");
        /// <summary>{0} pixels of the far person.</summary>
        public static string CaseNearAndFar => Course.Text("a near person and a far one ({0} pixels)");
        public static string CaseSpecks => Course.Text("one person and three specks of 4 to 12 pixels");
        public static string HintConnected => Course.Text("A person is one connected region, however it bends.");
        /// <summary>{0} pixels of the far person.</summary>
        public static string HintTooStrict => Course.Text("Your size rule drops a real person of {0} pixels.");
        public static string HintSpecks => Course.Text("Specks of a few pixels are noise, not people.");
    }

    /// <summary>The lab's pieces, as the pipeline names them in "using your ..." and "using the library's ...".</summary>
    internal static class Pieces
    {
        public static string Loader => Course.Text("loader");
        public static string Split => Course.Text("split");
        public static string Augmentation => Course.Text("augmentation");
        public static string Metrics => Course.Text("IoU and Dice");
        public static string HeldOutIou => Course.Text("held-out IoU");
        public static string DecoderBlock => Course.Text("decoder block");
        public static string Options => Course.Text("training options");
        public static string LibraryOptions => Course.Text("training options (a short run of 2 epochs)");
        public static string WorstImages => Course.Text("search for the worst predictions");
        public static string CountPeople => Course.Text("people counter");
    }

    /// <summary>Lines the lab's pipeline prints (<see cref="LabTraining"/>).</summary>
    internal static class Pipeline
    {
        /// <summary>{0} epoch, {1} of epochs, {2} training loss, {3} validation loss, {4} validation IoU, {5} seconds, {6} mark of a new best.</summary>
        public static string Epoch => Course.Text("epoch {0}/{1}: training loss {2}, validation loss {3}, validation IoU {4}  ({5} s){6}");
        public static string NewBest => Course.Text("  ← best so far");
        /// <summary>{0} best epoch, {1} its validation IoU, {2} epochs trained.</summary>
        public static string Restored => Course.Text("best epoch on the validation recordings: {0} (IoU {1}) of {2}; the network now holds that epoch's weights.");
        public static string CurvesTitle => Course.Text("U-Net on MADS");
        public static string ScoreTitle => Course.Text("IoU");
        public static string TrainingLoss => Course.Text("training loss");
        public static string ValidationLoss => Course.Text("validation loss");
        public static string ValidationIou => Course.Text("validation IoU");
    }
}
