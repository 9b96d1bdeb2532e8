using System.Diagnostics;
using DeepClustering.Clustering.Density;

namespace DeepClustering.Benchmarks.Clustering;

/// <summary>
/// <c>dbscan [--data FILE] [--rows 70000] [--eps 0.5] [--min-points 10] [--threads 2] [--seed 0] [--repeats 3]</c>:
/// DBSCAN on 70,000 two-dimensional points (see <see cref="PointFile"/>; any embedding written in that format
/// works too). <c>seconds</c> is the best of the repeated fits, <c>first_seconds</c> the first (with JIT
/// compilation). Twin: benchmarks/reference/sklearn_dbscan.py.
/// </summary>
internal sealed class DbscanBenchmark : IBenchmarkCommand
{
    public string Name => "dbscan";

    public object Run(BenchmarkArguments arguments)
    {
        var data = PointFile.LoadOrMake(arguments.GetString("data", ""), arguments.GetInt("rows", 70_000), 2,
            arguments.GetInt("seed", 0), spread: 40, deviation: 2, noise: 0.05);
        double eps = arguments.GetDouble("eps", 0.5);
        int minimumPoints = arguments.GetInt("min-points", 10);
        int threads = arguments.GetInt("threads", 2);
        var dbscan = new Dbscan(new DbscanOptions { Epsilon = eps, MinimumPoints = minimumPoints, Threads = threads });

        var clock = Stopwatch.StartNew();
        var model = dbscan.Fit(data);
        double firstSeconds = clock.Elapsed.TotalSeconds, seconds = firstSeconds;
        for (int repeat = 1; repeat < arguments.GetInt("repeats", 3); repeat++)
        {
            clock.Restart();
            model = dbscan.Fit(data);
            seconds = Math.Min(seconds, clock.Elapsed.TotalSeconds);
        }

        return new
        {
            engine = "DeepClustering", command = Name, rows = data.Rows, columns = data.Columns, eps, min_points = minimumPoints,
            threads, seconds, first_seconds = firstSeconds, clusters = model.ClusterCount, noise = model.NoiseCount, core_samples = model.CoreSampleIndices.Count,
            label_checksum = PointFile.LabelChecksum(model.Labels),
            peak_working_set_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
        };
    }
}
