using System.Diagnostics;

namespace DeepClustering.Fuzzing;

/// <summary>
/// Runs one target: its seeds first, then mutations of a pool that starts as the seeds and takes in every input
/// whose outcome was not seen before (a cheap stand-in for new coverage), until a number of inputs or a deadline.
/// Findings are saved to the corpus. Single-threaded and deterministic for a given seed and input count.
/// </summary>
public sealed class FuzzRunner(Corpus corpus, FuzzBounds bounds, HangWatchdog watchdog, TextWriter log)
{
    private const int MaxPoolSize = 4096;
    private const int MaxFindingsSaved = 50;

    /// <summary>Fuzzes <paramref name="target"/> with <paramref name="seed"/>.</summary>
    /// <param name="target">The reader under test.</param>
    /// <param name="seed">The seed of the mutations; mixed with the target's name, so each target draws its own sequence.</param>
    /// <param name="maxInputs">Stop after this many inputs, seeds included.</param>
    /// <param name="deadline">Stop at this time (a <see cref="Stopwatch"/> timestamp), whatever the count.</param>
    /// <param name="scratchFolder">A folder for the inputs that the target writes to files.</param>
    public TargetStatistics Run(IFuzzTarget target, int seed, long maxInputs, long deadline, string scratchFolder)
    {
        var statistics = new TargetStatistics(target.Name);
        var pool = new List<byte[]>(target.CreateSeeds());
        var signatures = new HashSet<string>(StringComparer.Ordinal);
        var mutator = new Mutator(unchecked(seed * 1_000_003 + StableHash(target.Name)), target.Dictionary, pool);
        string scratchPath = Path.Combine(scratchFolder, "input" + target.FileExtension);
        int seedCount = pool.Count, saved = 0;
        long started = Stopwatch.GetTimestamp();

        for (long i = 0; i < maxInputs && Stopwatch.GetTimestamp() < deadline; i++)
        {
            byte[] input = i < seedCount ? pool[(int)i] : target.Mutate(pool[mutator.Random.Next(pool.Count)], mutator);
            watchdog.Begin(target, input);
            InputOutcome outcome = FuzzCase.Run(target, input, scratchPath, bounds);
            watchdog.End();
            statistics.Add(outcome);

            if (i < seedCount && outcome.Kind != OutcomeKind.Loaded)
            {
                log.WriteLine($"SEED {target.Name} #{i} does not load: {outcome.Label}: {outcome.Detail}");
            }

            if (outcome.Kind == OutcomeKind.Finding && saved < MaxFindingsSaved)
            {
                saved++;
                string path = corpus.Save(target, input, outcome.Label, outcome.Detail, seed);
                log.WriteLine($"FINDING {target.Name} ({outcome.Label}), saved to {path}: {outcome.Detail.Split('\n', 2)[0]}");
            }

            if (signatures.Count < 100_000 && signatures.Add(outcome.Signature) && i >= seedCount)
            {
                if (pool.Count < MaxPoolSize)
                {
                    pool.Add(input);
                }
                else
                {
                    pool[seedCount + mutator.Random.Next(MaxPoolSize - seedCount)] = input;
                }
            }
        }

        statistics.DistinctOutcomes = signatures.Count;
        statistics.Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return statistics;
    }

    /// <summary>FNV-1a of the name: string.GetHashCode differs from run to run.</summary>
    private static int StableHash(string name)
    {
        uint hash = 2_166_136_261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16_777_619;
        }

        return unchecked((int)hash);
    }
}
