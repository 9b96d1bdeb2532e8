using DeepClustering.Persistence;
using DeepClustering.Tests.Data;

namespace DeepClustering.Tests.Persistence;

public class ModelFileAtomicWriteTests
{
    [Fact]
    public void A_writer_that_fails_midway_leaves_the_old_file_intact_and_no_temporary_file()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.dclm");
        ModelFileSamples.File().Write(path);
        byte[] before = File.ReadAllBytes(path);
        var replacement = new ModelFile(new() { ["kind"] = "replacement" }, [new NamedTensor("first", [1f], 1), new NamedTensor("second", [2f], 1)]);
        int written = 0;

        var failure = Assert.Throws<IOException>(() => replacement.Write(path, _ =>
        {
            if (++written == 1)
            {
                throw new IOException("Simulated failure after the first tensor.");
            }
        }));

        Assert.Equal("Simulated failure after the first tensor.", failure.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
        ModelFileRoundTripTests.AssertSameContent(ModelFileSamples.File(), ModelFile.Read(path));
    }

    [Fact]
    public void A_successful_write_replaces_the_old_file()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.dclm");
        ModelFileSamples.File().Write(path);
        var replacement = new ModelFile(new() { ["kind"] = "replacement" }, [new NamedTensor("only", [1f, 2f], 2)]);

        replacement.Write(path);

        ModelFileRoundTripTests.AssertSameContent(replacement, ModelFile.Read(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }
}
