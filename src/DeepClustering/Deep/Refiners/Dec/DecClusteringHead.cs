using DeepClustering.Networks;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// DEC's clustering head on the host: trainable centres μ [k, d] that turn embeddings into Student's t soft assignments
/// Q (Xie, Girshick and Farhadi, ICML 2016, eq. 1), the target P (eq. 3) refreshed over the whole data set, and the
/// clustering loss KL(P‖Q) of a batch with its gradients with respect to the embeddings and the centres (eqs. 2, 4, 5).
/// The centres have their own optimizer (<see cref="CentreOptimizer"/>), stepped after each network step.
/// </summary>
internal sealed class DecClusteringHead : IEmbeddingHead
{
    private readonly float[] _centres;
    private readonly float[] _centreGradient;
    private readonly float _weight;
    private readonly CentreOptimizer _optimizer;
    private float[] _assignments = [];
    private float[] _target = [];
    private float[] _batchTarget = [];

    /// <param name="centres">The initial centres, k × d row-major (copied).</param>
    /// <param name="dimension">The embedding width d.</param>
    /// <param name="alpha">The Student's t degrees of freedom α.</param>
    /// <param name="weight">The weight of the clustering loss in the total loss (1 for DEC, γ for IDEC and DSSEC), which scales ∂L/∂μ; the network scales ∂L/∂z.</param>
    /// <param name="optimizer">Steps the centres.</param>
    public DecClusteringHead(ReadOnlySpan<float> centres, int dimension, double alpha, float weight, CentreOptimizer optimizer)
    {
        StudentTAssignment.CheckAlpha(alpha);
        for (int e = 0; e < centres.Length; e++)
        {
            if (!float.IsFinite(centres[e]))
            {
                throw new ArgumentException($"Centre {e / dimension}, coordinate {e % dimension} is {centres[e]}; centres must be finite.", nameof(centres));
            }
        }

        _centres = centres.ToArray();
        _centreGradient = new float[_centres.Length];
        Dimension = dimension;
        ClusterCount = _centres.Length / dimension;
        Alpha = alpha;
        _weight = weight;
        _optimizer = optimizer;
    }

    /// <summary>The number of clusters k.</summary>
    public int ClusterCount { get; }

    /// <summary>The embedding width d.</summary>
    public int Dimension { get; }

    /// <summary>The Student's t degrees of freedom α.</summary>
    public double Alpha { get; }

    /// <summary>The current centres, k × d.</summary>
    public ReadOnlySpan<float> Centres => _centres;

    /// <summary>The target distribution P [n, k] of the last refresh.</summary>
    public ReadOnlySpan<float> Target => _target;

    /// <summary>
    /// The refresh of DEC-keras' <c>q = model.predict(x)</c>, <c>p = target_distribution(q)</c>, <c>y_pred = q.argmax(1)</c>:
    /// Q of every embedding (n × d), P from that Q, and the hard labels argmax Q written to <paramref name="labels"/>.
    /// </summary>
    public void Refresh(ReadOnlySpan<float> embeddings, Span<int> labels)
    {
        int rows = embeddings.Length / Dimension;
        if (_target.Length != rows * ClusterCount)
        {
            _assignments = new float[rows * ClusterCount];
            _target = new float[rows * ClusterCount];
        }

        StudentTAssignment.Compute(embeddings, _centres, Dimension, Alpha, _assignments);
        TargetDistribution.Compute(_assignments, ClusterCount, _target);
        HardLabels.FromAssignments(_assignments, ClusterCount, labels);
    }

    /// <inheritdoc />
    public double LossAndGradient(ReadOnlySpan<int> rows, ReadOnlySpan<float> embeddings, Span<float> embeddingGradient)
    {
        if (_target.Length == 0)
        {
            throw new InvalidOperationException("The target distribution has not been computed: call Refresh first.");
        }

        int k = ClusterCount;
        if (_batchTarget.Length < rows.Length * k)
        {
            _batchTarget = new float[rows.Length * k];
        }

        var batchTarget = _batchTarget.AsSpan(0, rows.Length * k);
        for (int b = 0; b < rows.Length; b++)
        {
            _target.AsSpan(rows[b] * k, k).CopyTo(batchTarget.Slice(b * k, k));
        }

        double loss = ClusteringLoss.ValueAndGradients(embeddings, _centres, Dimension, Alpha, batchTarget, embeddingGradient, _centreGradient);
        if (_weight != 1f)
        {
            for (int e = 0; e < _centreGradient.Length; e++)
            {
                _centreGradient[e] *= _weight;
            }
        }

        return loss;
    }

    /// <summary>Steps the centres along the gradient of the last <see cref="LossAndGradient"/>.</summary>
    public void StepCentres() => _optimizer.Step(_centres, _centreGradient);
}
