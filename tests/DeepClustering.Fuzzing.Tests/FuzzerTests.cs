using System.Diagnostics;

namespace DeepClustering.Fuzzing.Tests;

/// <summary>The fuzzer itself: deterministic, bounded inputs, judgement that can fail, and a short clean run.</summary>
public class FuzzerTests
{
    private static readonly string s_root = RepositoryRoot.Locate();

    [Fact]
    public void The_same_seed_gives_the_same_inputs_and_another_seed_others()
    {
        byte[] parent = [0x00, 0x00, 0x08, 0x01, 0, 0, 0, 3, 10, 20, 30];
        List<byte[]> Draw(int seed)
        {
            var mutator = new Mutator(seed, Dictionaries.Idx, [parent]);
            return [.. Enumerable.Range(0, 200).Select(_ => mutator.Mutate(parent))];
        }

        Assert.Equal(Draw(5), Draw(5));
        Assert.NotEqual(Draw(5), Draw(6));
    }

    [Fact]
    public void Mutations_change_the_input_and_never_grow_it_beyond_the_bound()
    {
        byte[] parent = new byte[Mutator.MaxInputBytes - 3];
        var mutator = new Mutator(1, Dictionaries.Csv, [parent]);

        byte[][] children = [.. Enumerable.Range(0, 100).Select(_ => mutator.Mutate(parent))];

        Assert.All(children, child => Assert.InRange(child.Length, 0, Mutator.MaxInputBytes));
        Assert.Contains(children, child => !child.AsSpan().SequenceEqual(parent));
        Assert.All(parent, b => Assert.Equal(0, b));
    }

    [Fact]
    public void An_undocumented_exception_is_a_finding()
    {
        InputOutcome outcome = FuzzCase.Run(new ThrowingTarget(new IndexOutOfRangeException("bug")), [1], "unused", new FuzzBounds());

        Assert.Equal(OutcomeKind.Finding, outcome.Kind);
        Assert.Equal("exception", outcome.Label);
    }

    [Fact]
    public void A_read_allocating_beyond_the_bound_is_a_memory_finding()
    {
        var target = new ThrowingTarget(null);

        InputOutcome outcome = FuzzCase.Run(target, [1], "unused", new FuzzBounds { MaxAllocatedBytes = 1000 });

        Assert.Equal(OutcomeKind.Finding, outcome.Kind);
        Assert.Equal("memory", outcome.Label);
    }

    [Fact]
    public void A_short_run_of_every_target_has_no_finding()
    {
        string folder = Path.Combine(Path.GetTempPath(), "deepclustering-fuzz-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var corpus = new Corpus(Path.Combine(folder, "corpus"));
            using var watchdog = new HangWatchdog(corpus, hangSeconds: 60, seed: 11);
            var runner = new FuzzRunner(corpus, new FuzzBounds(), watchdog, TextWriter.Null);
            foreach (IFuzzTarget target in FuzzTargets.All(s_root))
            {
                TargetStatistics statistics = runner.Run(target, seed: 11, maxInputs: 300, long.MaxValue, folder);

                Assert.Equal(300, statistics.Inputs);
                Assert.True(statistics.Findings == 0, statistics.ToString());
                Assert.True(statistics.Loaded >= target.CreateSeeds().Count, statistics.ToString());
            }

            Assert.False(Directory.Exists(corpus.Folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("--inputs", "0")]
    [InlineData("--inputs", "ten")]
    [InlineData("--colour", "red")]
    [InlineData("--seconds")]
    public void Bad_command_lines_are_refused_naming_the_flag(params string[] args)
    {
        var refusal = Assert.Throws<ArgumentException>(() => FuzzArguments.Parse(args));
        Assert.Contains(args[0], refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_limit_a_run_takes_ten_thousand_inputs_per_target()
    {
        Assert.Equal(10_000, FuzzArguments.Parse([]).Inputs);
        Assert.Equal(new FuzzArguments { Target = "csv", Seconds = 60, Seed = 4 }, FuzzArguments.Parse(["--target", "csv", "--seconds", "60", "--seed", "4"]));
    }

    /// <summary>A target whose reader throws the given exception, or allocates 1 MB and returns when given none.</summary>
    private sealed class ThrowingTarget(Exception? exception) : IFuzzTarget
    {
        public string Name => "throwing";

        public string FileExtension => ".bin";

        public IReadOnlyList<byte[]> Dictionary => [];

        public IReadOnlyList<byte[]> CreateSeeds() => [[1]];

        public byte[] Mutate(byte[] parent, Mutator mutator) => parent;

        public object Read(byte[] input, string scratchPath)
        {
            var allocated = new byte[1 << 20];
            Debug.Assert(allocated.Length > 0);
            return exception is null ? allocated : throw exception;
        }

        public string? CheckAccepted(byte[] input, object result, string scratchPath) => null;

        public string? CheckRefused(Exception refusal, string scratchPath) => IdxChecks.CheckRefused(refusal, "x");
    }
}
