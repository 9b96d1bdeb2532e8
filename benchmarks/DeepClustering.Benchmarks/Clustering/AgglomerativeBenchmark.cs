using System.Diagnostics;
using DeepClustering.Clustering.Hierarchical;

namespace DeepClustering.Benchmarks.Clustering;

/// <summary>
/// <c>agglomerative [--data FILE] [--rows 20000] [--columns 10] [--linkage ward] [--clusters 10] [--threads 2]</c>:
/// agglomerative clustering of 20,000 points in 10 dimensions (10 Gaussian blobs, see <see cref="PointFile"/>).
/// Twin: benchmarks/reference/sklearn_agglomerative.py.
/// </summary>
internal sealed class AgglomerativeBenchmark : IBenchmarkCommand
{
    public string Name => "agglomerative";

    public object Run(BenchmarkArguments arguments)
    {
        var data = PointFile.LoadOrMake(arguments.GetString("data", ""), arguments.GetInt("rows", 20_000), arguments.GetInt("columns", 10),
            arguments.GetInt("seed", 0), spread: 10, deviation: 1, noise: 0);
        string linkageName = arguments.GetString("linkage", "ward");
        var linkage = Enum.Parse<Linkage>(linkageName, ignoreCase: true);
        int clusters = arguments.GetInt("clusters", 10);
        int threads = arguments.GetInt("threads", 2);
        var clusterer = new AgglomerativeClustering(new AgglomerativeClusteringOptions { ClusterCount = clusters, Linkage = linkage, Threads = threads });

        var clock = Stopwatch.StartNew();
        var model = clusterer.Fit(data);
        double seconds = clock.Elapsed.TotalSeconds;

        return new
        {
            engine = "DeepClustering", command = Name, rows = data.Rows, columns = data.Columns, linkage = linkageName, threads, seconds,
            clusters = model.ClusterCount,
            cluster_sizes = model.Labels.GroupBy(label => label).Select(g => g.Count()).OrderDescending().ToArray(),
            last_merge_distance = model.Dendrogram.Merges[^1].Distance,
            label_checksum = PointFile.LabelChecksum(model.Labels),
            peak_working_set_mb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0),
        };
    }
}
