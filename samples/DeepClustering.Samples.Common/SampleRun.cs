namespace DeepClustering.Samples;

/// <summary>
/// One clustering a sample ran: what, on which data, its scores against the true classes, its time, and the
/// curve of its ACC over training where it was monitored. Stored as JSON so that runs made in separate sessions
/// (the full mode's long ones) are summarised together.
/// </summary>
public sealed record SampleRun
{
    /// <summary>The experiment it belongs to (the sample's --only name).</summary>
    public required string Experiment { get; init; }

    /// <summary>The image set: mnist or fashion-mnist.</summary>
    public required string DataSet { get; init; }

    /// <summary>The method, as the tables name it: "DEKM", "PCA(30) + k-means", ….</summary>
    public required string Method { get; init; }

    /// <summary>What was varied: "ReLU", "γ = 0.3", "d = 20", or empty.</summary>
    public string Setting { get; init; } = string.Empty;

    /// <summary>Clusters asked for (or found, for DBSCAN).</summary>
    public int Clusters { get; init; }

    /// <summary>Images clustered.</summary>
    public int Samples { get; init; }

    /// <summary>ACC against the true classes.</summary>
    public double Accuracy { get; init; }

    /// <summary>NMI against the true classes.</summary>
    public double Nmi { get; init; }

    /// <summary>ARI against the true classes.</summary>
    public double Ari { get; init; }

    /// <summary>ACC of the initial clustering, before a refinement.</summary>
    public double? InitialAccuracy { get; init; }

    /// <summary>Seconds of this run alone (excluding a shared pretraining).</summary>
    public double Seconds { get; init; }

    /// <summary>Seconds of the pretraining it started from, where shared.</summary>
    public double? PretrainingSeconds { get; init; }

    /// <summary>Epochs (passes over the data) at which ACC was monitored.</summary>
    public IReadOnlyList<double>? CurveEpochs { get; init; }

    /// <summary>The ACC at each of <see cref="CurveEpochs"/>.</summary>
    public IReadOnlyList<double>? CurveAccuracy { get; init; }

    /// <summary>Internal scores on the clustered space (silhouette, Calinski-Harabasz, Davies-Bouldin), where computed.</summary>
    public IReadOnlyDictionary<string, double>? InternalScores { get; init; }

    /// <summary>Points left as noise (DBSCAN).</summary>
    public int? Noise { get; init; }
}
