using DeepClustering.Persistence;
using DeepClustering.Tests.Data;

namespace DeepClustering.Tests.Persistence;

/// <summary>A save that is killed leaves its temporary file; the next save to the same place removes it, and nothing else.</summary>
public class ModelFileTemporaryCleanupTests
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public void The_next_save_removes_the_temporary_files_that_interrupted_saves_to_the_same_target_left()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.dclm");
        string first = Leave(folder, $".model.dclm.{Guid.NewGuid():N}.tmp", LongAgo);
        string second = Leave(folder, $".model.dclm.{Guid.NewGuid():N}.tmp", LongAgo.AddMinutes(30));

        ModelFileSamples.File().Write(path);

        Assert.False(File.Exists(first));
        Assert.False(File.Exists(second));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Files_that_only_look_alike_other_targets_temporaries_and_newer_ones_are_kept()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.dclm");
        string hex = Guid.NewGuid().ToString("N");
        string[] kept =
        [
            Leave(folder, $".other.dclm.{hex}.tmp", LongAgo),          // another target's
            Leave(folder, $".model.dclm2.{hex}.tmp", LongAgo),         // a target whose name starts alike
            Leave(folder, $".model.dclm.notes.tmp", LongAgo),          // not 32 digits
            Leave(folder, $".model.dclm.{hex.ToUpperInvariant()}.tmp", LongAgo), // not lowercase
            Leave(folder, $".model.dclm.{hex}.tmp.bak", LongAgo),
            Leave(folder, $"model.dclm.{hex}.tmp", LongAgo),           // no leading dot
            Leave(folder, $".model.dclm.{hex[..31]}.tmp", LongAgo),
            Leave(folder, $".model.dclm.{Guid.NewGuid():N}.tmp", DateTime.UtcNow.AddHours(1)), // written after this save began
        ];

        ModelFileSamples.File().Write(path);

        Assert.All(kept, file => Assert.True(File.Exists(file), file));
        Assert.Equal(kept.Length + 1, Directory.GetFiles(folder.Path).Length);
    }

    [Fact]
    public void A_temporary_file_that_a_writer_still_holds_is_kept()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("model.dclm");
        string held = Leave(folder, $".model.dclm.{Guid.NewGuid():N}.tmp", LongAgo);

        using (new FileStream(held, FileMode.Open, FileAccess.Write, FileShare.None))
        {
            ModelFileSamples.File().Write(path);
        }

        Assert.True(File.Exists(held));
        ModelFileSamples.File().Write(path);
        Assert.False(File.Exists(held));
    }

    private static string Leave(TemporaryFolder folder, string name, DateTime lastWrite)
    {
        string file = folder.File(name);
        File.WriteAllBytes(file, new byte[1000]);
        File.SetLastWriteTimeUtc(file, lastWrite);
        return file;
    }
}
