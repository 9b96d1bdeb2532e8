using DeepClustering.Encoders;
using DeepClustering.Tensors;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// The refresh of DEC's targets over the whole data set: embed every input, compute Q (eq. 1) from the current centres,
/// the target P (eq. 3) from that Q, and the hard labels argmax Q, as DEC-keras does every <c>update_interval</c>
/// iterations (<c>q = model.predict(x)</c>, <c>p = target_distribution(q)</c>, <c>y_pred = q.argmax(1)</c>).
/// </summary>
internal sealed class DecTargets
{
    private readonly Tensor _embeddings;
    private readonly Tensor _assignments;

    /// <summary>Creates the buffers for <paramref name="rows"/> inputs.</summary>
    public DecTargets(ClusteringLayer clusteringLayer, int rows)
    {
        ArgumentNullException.ThrowIfNull(clusteringLayer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ClusteringLayer = clusteringLayer;
        var backend = clusteringLayer.Backend;
        _embeddings = new Tensor(backend, rows, clusteringLayer.EmbeddingDimension);
        _assignments = new Tensor(backend, rows, clusteringLayer.ClusterCount);
        Target = new Tensor(backend, rows, clusteringLayer.ClusterCount);
    }

    /// <summary>The clustering layer whose centres the soft assignments use.</summary>
    public ClusteringLayer ClusteringLayer { get; }

    /// <summary>The target distribution P [n, k] of the last refresh; the training batches take their rows of it.</summary>
    public Tensor Target { get; }

    /// <summary>Recomputes Q, P and the hard labels (written to <paramref name="labels"/>) for all <paramref name="inputs"/>.</summary>
    public void Refresh(IEncoder encoder, Tensor inputs, Span<int> labels)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var embeddings = encoder.Embed(inputs);
        _embeddings.CopyFrom(embeddings);
        ClusteringLayer.Assign(_embeddings, _assignments);
        TargetDistribution.Compute(_assignments.AsSpan(), ClusteringLayer.ClusterCount, Target.AsSpan());
        HardLabels.FromAssignments(_assignments.AsSpan(), ClusteringLayer.ClusterCount, labels);
    }
}
