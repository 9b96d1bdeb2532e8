using System.Diagnostics;
using System.Globalization;
using DeepClustering.Fuzzing;

// The fuzzer's command line (docs/reliability-readers.md):
//   dotnet run --project tests/DeepClustering.Fuzzing -c Release -- [--target NAME|all] [--inputs N] [--seconds S]
//       [--seed N] [--corpus FOLDER] [--max-ms MS] [--max-mb MB] [--hang-seconds S]
// --inputs N runs N inputs per target; --seconds S shares S seconds among the targets; with both, whichever ends
// first. Exit code 0: no finding; 1: findings (saved under the corpus folder); 2: a usage error; 3: a hang.
FuzzArguments arguments;
string root = RepositoryRoot.Locate();
IReadOnlyList<IFuzzTarget> all = FuzzTargets.All(root);
IFuzzTarget[] targets;
try
{
    arguments = FuzzArguments.Parse(args);
    targets = arguments.Target == "all"
        ? [.. all]
        : [all.FirstOrDefault(t => t.Name == arguments.Target) ?? throw new ArgumentException(
            $"--target: no target '{arguments.Target}'; the targets are {string.Join(", ", all.Select(t => t.Name))} and all.")];
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

{

    var corpus = new Corpus(arguments.CorpusFolder ?? Path.Combine(root, "tests", "DeepClustering.Fuzzing", "corpus"));
    var bounds = new FuzzBounds { MaxMilliseconds = arguments.MaxMilliseconds, MaxAllocatedBytes = arguments.MaxAllocatedBytes, HangSeconds = arguments.HangSeconds };
    string scratch = Path.Combine(Path.GetTempPath(), "deepclustering-fuzz-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    Directory.CreateDirectory(scratch);
    Console.WriteLine($"Fuzzing {string.Join(", ", targets.Select(t => t.Name))} with seed {arguments.Seed}: " +
        $"{(arguments.Inputs is long n ? $"{n} inputs per target" : "no input limit")}, " +
        $"{(arguments.Seconds is double s ? $"{s} s in all" : "no time limit")}; bounds {bounds.MaxMilliseconds} ms and " +
        $"{bounds.MaxAllocatedBytes} bytes per input, hang after {bounds.HangSeconds} s.");

    long findings = 0;
    var wall = Stopwatch.StartNew();
    using (var watchdog = new HangWatchdog(corpus, bounds.HangSeconds, arguments.Seed))
    {
        var runner = new FuzzRunner(corpus, bounds, watchdog, Console.Out);
        for (int i = 0; i < targets.Length; i++)
        {
            long deadline = arguments.Seconds is double seconds
                ? Stopwatch.GetTimestamp() + (long)((seconds - wall.Elapsed.TotalSeconds) / (targets.Length - i) * Stopwatch.Frequency)
                : long.MaxValue;
            TargetStatistics statistics = runner.Run(targets[i], arguments.Seed, arguments.Inputs ?? long.MaxValue, deadline, scratch);
            findings += statistics.Findings;
            Console.WriteLine(statistics);
        }
    }

    Directory.Delete(scratch, recursive: true);
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"Done in {wall.Elapsed.TotalSeconds:F1} s: {findings} findings; peak working set {process.PeakWorkingSet64} bytes " +
        $"({process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB); managed heap limit {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes} bytes.");
    return findings == 0 ? 0 : 1;
}
