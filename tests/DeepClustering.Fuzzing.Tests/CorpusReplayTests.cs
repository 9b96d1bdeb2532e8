namespace DeepClustering.Fuzzing.Tests;

/// <summary>
/// Every input the fuzzer ever saved (tests/DeepClustering.Fuzzing/corpus/&lt;target&gt;/), and every seed, replayed
/// through its target: each must load or be refused as documented, within the time and memory bounds.
/// </summary>
public class CorpusReplayTests
{
    private static readonly string s_root = RepositoryRoot.Locate();

    public static TheoryData<string, string> CorpusFiles()
    {
        var corpus = new Corpus(Path.Combine(s_root, "tests", "DeepClustering.Fuzzing", "corpus"));
        var data = new TheoryData<string, string>();
        foreach (IFuzzTarget target in FuzzTargets.All(s_root))
        {
            foreach (string path in corpus.Inputs(target))
            {
                data.Add(target.Name, Path.GetFileName(path));
            }
        }

        return data;
    }

    public static TheoryData<string, int> Seeds()
    {
        var data = new TheoryData<string, int>();
        foreach (IFuzzTarget target in FuzzTargets.All(s_root))
        {
            for (int i = 0; i < target.CreateSeeds().Count; i++)
            {
                data.Add(target.Name, i);
            }
        }

        return data;
    }

    [Fact]
    public void The_corpus_holds_the_findings_of_the_declared_shape_bug_for_gzip_and_streams()
    {
        Assert.Contains(CorpusFiles(), row => (string)row[0] == "idx-gz");
        Assert.Contains(CorpusFiles(), row => (string)row[0] == "idx-stream");
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void A_saved_finding_now_loads_or_is_refused_as_documented_within_the_bounds(string targetName, string fileName)
    {
        IFuzzTarget target = FuzzTargets.All(s_root).Single(t => t.Name == targetName);
        byte[] input = File.ReadAllBytes(Path.Combine(RepositoryRoot.CorpusFolder(s_root, targetName), fileName));

        InputOutcome outcome = Replay(target, input);

        Assert.True(outcome.Kind != OutcomeKind.Finding, $"{targetName}/{fileName}: {outcome.Label}: {outcome.Detail}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_seed_loads(string targetName, int index)
    {
        IFuzzTarget target = FuzzTargets.All(s_root).Single(t => t.Name == targetName);

        InputOutcome outcome = Replay(target, target.CreateSeeds()[index]);

        Assert.True(outcome.Kind == OutcomeKind.Loaded, $"{targetName} seed {index}: {outcome.Label}: {outcome.Detail}");
    }

    private static InputOutcome Replay(IFuzzTarget target, byte[] input)
    {
        string folder = Path.Combine(Path.GetTempPath(), "deepclustering-fuzz-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            return FuzzCase.Run(target, input, Path.Combine(folder, "input" + target.FileExtension), new FuzzBounds());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
