using DeepClustering.Data;

namespace DeepClustering.Refiners.EmbeddedKMeans;

/// <summary>
/// What embedded k-means fixes at a refresh and keeps until the next one: the clustering of the embeddings, the
/// eigenbasis V of its within-cluster scatter, and the target of every sample (its rotated embedding with the
/// last coordinate replaced by its centre's).
/// </summary>
/// <remarks>
/// Source: DEKM.py, inside <c>if ite % update_interval == 0:</c> — <c>H = model(x)</c>, k-means on H giving
/// <c>U</c> and <c>assignment</c>, <c>S = Σ_i (H[assignment == i] − U[i])ᵀ(…)</c>, <c>Evals, V = sorted_eig(S)</c>,
/// <c>H_vt = H V</c>, <c>U_vt = U V</c>; each batch then takes <c>y_true = H_vt[idx]</c> with
/// <c>y_true[i, -1] = U_vt[assignment[idx][i], -1]</c>. All targets are formed here at once (the same values, since
/// <c>H_vt</c> and <c>U_vt</c> do not change between refreshes).
/// </remarks>
internal sealed class DekmRefresh
{
    private DekmRefresh(int[] labels, float[] centres, ScatterEigenbasis basis, double[] targets)
    {
        Labels = labels;
        Centres = centres;
        Basis = basis;
        Targets = targets;
    }

    /// <summary>The label of each sample, 0 … k − 1.</summary>
    public int[] Labels { get; }

    /// <summary>The centres in the embedding, k × d, row-major.</summary>
    public float[] Centres { get; }

    /// <summary>The eigenbasis of the within-cluster scatter, eigenvalues ascending.</summary>
    public ScatterEigenbasis Basis { get; }

    /// <summary>The target of every sample in the eigenbasis, n × d, row-major.</summary>
    public double[] Targets { get; }

    /// <summary>d, the embedding dimension.</summary>
    public int Dimension => Basis.Dimension;

    /// <summary>
    /// Forms the refresh from the embeddings (n × d), a clustering of them (<paramref name="labels"/>, not copied)
    /// and its centres (<paramref name="centres"/>, k × d, not copied).
    /// </summary>
    public static DekmRefresh Create(DataMatrix embeddings, int[] labels, DataMatrix centres)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(centres);
        int d = embeddings.Columns;
        var scatter = WithinClusterScatter.Compute(embeddings, labels, centres);
        var basis = ScatterEigenvectors.Compute(scatter, d);
        var rotated = Rotation.Apply(embeddings, basis);
        var rotatedCentres = Rotation.Apply(centres, basis);
        var targets = DekmTargets.Compute(rotated, rotatedCentres, labels, d);
        return new DekmRefresh(labels, centres.Values, basis, targets);
    }
}
