using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepClustering.Refiners;

/// <summary>What a refiner starts from: the pretrained network, the data, the initial clustering and the reporting channels.</summary>
public sealed class RefinementContext
{
    /// <summary>The pretrained network (encoder and decoder), refined in place through the seam.</summary>
    public required IAutoencoderNetwork Network { get; init; }

    /// <summary>All training inputs, one sample per row, flattened to the network's input shape.</summary>
    public required DataMatrix Inputs { get; init; }

    /// <summary>The clusterer that made the initial clustering; refiners that re-cluster (embedded k-means) use it again.</summary>
    public required IClusterer Clusterer { get; init; }

    /// <summary>The initial cluster centres in the embedding, ClusterCount × EmbeddingDimension, row-major.</summary>
    public required float[] InitialCenters { get; init; }

    /// <summary>The initial label of each input, 0 … ClusterCount − 1.</summary>
    public required int[] InitialLabels { get; init; }

    /// <summary>Number of clusters.</summary>
    public int ClusterCount => InitialCenters.Length / Network.EmbeddingDimension;

    /// <summary>True labels used only to report ACC, NMI and ARI in the history; never used for training. Null when unknown.</summary>
    public int[]? MonitoringLabels { get; init; }

    /// <summary>Seed of the refiner's random choices (batch order, re-clustering).</summary>
    public long Seed { get; init; }

    /// <summary>Where the refiner logs.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Progress after each step, or null.</summary>
    public IProgress<DeepClusteringProgress>? Progress { get; init; }

    /// <summary>Receives one record per refresh of the targets or of the clustering.</summary>
    public required TrainingHistory History { get; init; }
}
