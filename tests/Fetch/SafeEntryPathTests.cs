using Segmentation.Fetch;

namespace Lesson.Tests.Fetch;

public class SafeEntryPathTests
{
    readonly string destination = RepoPaths.NewTempFolder("entry-path");

    [Theory]
    [InlineData("../evil.txt")]
    [InlineData("PH2Dataset/../../evil.txt")]
    [InlineData("..\\..\\evil.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("\\windows\\evil.txt")]
    [InlineData("C:\\Windows\\evil.txt")]
    [InlineData("c:evil.txt")]
    [InlineData("file.txt:hidden-stream")]
    [InlineData("./")]
    [InlineData("")]
    public void Refuses_names_that_leave_the_destination_or_name_nothing(string name)
    {
        var error = Assert.Throws<UnsafeArchiveException>(() => SafeEntryPath.Resolve(destination, name));
        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("Nothing was extracted", error.Message);
    }

    [Theory]
    [InlineData("PH2Dataset/Readme.txt", "PH2Dataset/Readme.txt")]
    [InlineData("PH2Dataset\\PH2 Dataset images\\IMD002\\x.bmp", "PH2Dataset/PH2 Dataset images/IMD002/x.bmp")]
    [InlineData("./a/./b..c/d.png", "a/b..c/d.png")]
    [InlineData("a//b", "a/b")]
    public void Maps_ordinary_names_inside_the_destination(string name, string expected)
    {
        var path = SafeEntryPath.Resolve(destination, name);
        Assert.Equal(Path.Combine(destination, expected.Replace('/', Path.DirectorySeparatorChar)), path);
    }
}
