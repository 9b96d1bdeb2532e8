using DeepClustering.Tensors;
using DeepClustering.Tensors.Backends;
using DeepClustering.Tensors.NN;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// DEC's clustering layer: trainable cluster centres μ [k, d] (the parameter <c>centers</c>) that turn embeddings
/// Z [n, d] into Student's t soft assignments Q [n, k] (Xie, Girshick and Farhadi, ICML 2016, eq. 1), and DEC's
/// clustering loss KL(P‖Q) with its gradients with respect to the embeddings and the centres (eqs. 2, 4 and 5).
/// </summary>
/// <remarks>
/// <para>
/// A training step of DEC, IDEC or DSSEC on this engine: the centres go into the same optimizer as the encoder
/// (<c>new Adam(encoder.Parameters().Concat(layer.Parameters()))</c>), then per batch
/// </para>
/// <code>
/// optimizer.ZeroGradient();
/// var z = encoder.Forward(batch);                                             // [n, d]
/// double loss = layer.LossAndGradients(z, targetRows, lossWeight: 1f, out var dz);   // adds ∂L/∂μ to the centres
/// encoder.Backward(dz);                                                       // IDEC: add γ·dz to the decoder's ∂/∂z first
/// optimizer.Step();
/// </code>
/// <para>
/// where <c>targetRows</c> are the batch's rows of the target distribution P computed from the Q of the whole data set
/// (<see cref="Assign"/>) at the last refresh. <see cref="LossAndGradients"/> needs no <see cref="Forward"/>: it
/// evaluates eq. 1, the loss and eqs. 4–5 in one pass, in double, from the logarithm of the kernel, so no q_ij is
/// divided by. The loss is summed over clusters and averaged over the batch's rows, as Keras' <c>'kld'</c> that DEC-keras
/// and IDEC train (see <see cref="ClusteringLoss"/>).
/// </para>
/// <para>
/// <see cref="Forward"/> and <see cref="Backward"/> make the layer an ordinary module as well: Forward returns Q and
/// Backward takes ∂L/∂Q of any loss, adds ∂L/∂μ to the centres' gradient and returns ∂L/∂Z.
/// </para>
/// </remarks>
public sealed class ClusteringLayer : Module
{
    /// <summary>
    /// The default degrees of freedom α of the Student's t kernel, 1: the DEC paper ("we let α = 1 for all
    /// experiments") and DEC-keras' and IDEC's <c>ClusteringLayer(alpha=1.0)</c>.
    /// </summary>
    public const double DefaultAlpha = StudentTAssignment.DefaultAlpha;

    private Tensor? _embeddings;
    private Tensor? _assignments;
    private Tensor? _embeddingGradient;
    private readonly Tensor _centerGradient;

    /// <summary>Creates the layer with all centres at the origin; set them (from k-means, as DEC does) with <see cref="SetCenters"/>.</summary>
    /// <param name="backend">Where the layer's tensors live.</param>
    /// <param name="clusterCount">The number of clusters k.</param>
    /// <param name="embeddingDimension">The width d of each embedding.</param>
    /// <param name="alpha">The degrees of freedom α of the Student's t kernel; positive.</param>
    public ClusteringLayer(IComputeBackend backend, int clusterCount, int embeddingDimension, double alpha = DefaultAlpha)
        : base(backend)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDimension);
        StudentTAssignment.CheckAlpha(alpha);
        ClusterCount = clusterCount;
        EmbeddingDimension = embeddingDimension;
        Alpha = alpha;
        Centers = new Parameter(new Tensor(backend, clusterCount, embeddingDimension));
        _centerGradient = new Tensor(backend, clusterCount, embeddingDimension);
    }

    /// <summary>Creates the layer with a copy of <paramref name="centers"/> [k, d] as its initial centres.</summary>
    public ClusteringLayer(Tensor centers, double alpha = DefaultAlpha)
        : this(centers?.Backend ?? throw new ArgumentNullException(nameof(centers)), RequireMatrix(centers).Size(0), centers.Size(1), alpha)
    {
        SetCenters(centers.AsSpan());
    }

    /// <summary>The number of clusters k.</summary>
    public int ClusterCount { get; }

    /// <summary>The width d of each embedding.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>The degrees of freedom α of the Student's t kernel.</summary>
    public double Alpha { get; }

    /// <summary>The cluster centres μ [k, d], row j the centre of cluster j; named <c>centers</c> among the parameters.</summary>
    public Parameter Centers { get; }

    /// <summary>Overwrites the centres with <paramref name="centers"/>, k rows of d values, row-major.</summary>
    public void SetCenters(ReadOnlySpan<float> centers)
    {
        StudentTAssignment.CheckLength(centers.Length, (long)ClusterCount * EmbeddingDimension, nameof(centers));
        for (int e = 0; e < centers.Length; e++)
        {
            if (!float.IsFinite(centers[e]))
            {
                throw new ArgumentException(
                    $"Centre {e / EmbeddingDimension}, coordinate {e % EmbeddingDimension} is {centers[e]}; centres must be finite.", nameof(centers));
            }
        }

        Centers.Value.CopyFrom(centers);
    }

    /// <summary>The soft assignments Q [n, k] of the embeddings <paramref name="input"/> [n, d] (eq. 1). The returned tensor belongs to the layer.</summary>
    public override Tensor Forward(Tensor input)
    {
        RequireEmbeddings(input, nameof(input));
        _embeddings = input;
        var assignments = EnsureBuffer(ref _assignments, [input.Size(0), ClusterCount]);
        StudentTAssignment.Compute(input.AsSpan(), Centers.Value.AsSpan(), EmbeddingDimension, Alpha, assignments.AsSpan());
        return assignments;
    }

    /// <summary>
    /// Given ∂L/∂Q [n, k] for the last <see cref="Forward"/>, adds ∂L/∂μ to the centres' gradient (unless they are
    /// frozen) and returns ∂L/∂Z [n, d] (null when <see cref="Module.InputGradientRequired"/> is off).
    /// </summary>
    public override Tensor? Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var embeddings = RequireForward(_embeddings);
        RequireShape(outputGradient, embeddings.Size(0), ClusterCount, nameof(outputGradient));
        var embeddingGradient = EnsureBuffer(ref _embeddingGradient, embeddings.Shape);
        StudentTAssignment.Backward(embeddings.AsSpan(), Centers.Value.AsSpan(), EmbeddingDimension, Alpha,
            outputGradient.AsSpan(), embeddingGradient.AsSpan(), _centerGradient.AsSpan());
        AddCenterGradient(1f);
        return InputGradientRequired ? embeddingGradient : null;
    }

    /// <summary>
    /// Writes the soft assignments Q [n, k] of <paramref name="embeddings"/> [n, d] to <paramref name="assignments"/>
    /// without keeping anything for a backward pass: the refresh of the target distribution over the whole data set.
    /// </summary>
    public void Assign(Tensor embeddings, Tensor assignments)
    {
        RequireEmbeddings(embeddings, nameof(embeddings));
        ArgumentNullException.ThrowIfNull(assignments);
        RequireShape(assignments, embeddings.Size(0), ClusterCount, nameof(assignments));
        StudentTAssignment.Compute(embeddings.AsSpan(), Centers.Value.AsSpan(), EmbeddingDimension, Alpha, assignments.AsSpan());
    }

    /// <summary>
    /// DEC's clustering loss of a batch and its gradients: returns L = (1/n) Σ_i Σ_j p_ij log(p_ij / q_ij) for the
    /// embeddings Z [n, d] against the target P [n, k]; adds <paramref name="lossWeight"/>·∂L/∂μ to the centres'
    /// gradient (unless they are frozen) and gives <paramref name="lossWeight"/>·∂L/∂Z in
    /// <paramref name="embeddingGradient"/> [n, d], a tensor that belongs to the layer, ready for
    /// <c>encoder.Backward</c>.
    /// </summary>
    /// <param name="embeddings">The batch's embeddings Z [n, d].</param>
    /// <param name="target">The batch's rows of the target distribution P [n, k].</param>
    /// <param name="lossWeight">The weight of the clustering loss in the total loss: 1 for DEC, γ for IDEC and DSSEC.</param>
    /// <param name="embeddingGradient">Receives lossWeight·∂L/∂Z.</param>
    /// <returns>The unweighted loss L.</returns>
    public double LossAndGradients(Tensor embeddings, Tensor target, float lossWeight, out Tensor embeddingGradient)
    {
        RequireEmbeddings(embeddings, nameof(embeddings));
        ArgumentNullException.ThrowIfNull(target);
        RequireShape(target, embeddings.Size(0), ClusterCount, nameof(target));
        if (!float.IsFinite(lossWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(lossWeight), lossWeight, "The loss weight must be finite.");
        }

        embeddingGradient = EnsureBuffer(ref _embeddingGradient, embeddings.Shape);
        double loss = ClusteringLoss.ValueAndGradients(embeddings.AsSpan(), Centers.Value.AsSpan(), EmbeddingDimension, Alpha,
            target.AsSpan(), embeddingGradient.AsSpan(), _centerGradient.AsSpan());
        if (lossWeight != 1f)
        {
            var values = embeddingGradient.AsSpan();
            for (int e = 0; e < values.Length; e++)
            {
                values[e] *= lossWeight;
            }
        }

        AddCenterGradient(lossWeight);
        return loss;
    }

    /// <inheritdoc />
    protected override IEnumerable<(string Name, Parameter Parameter)> OwnParameters()
    {
        yield return ("centers", Centers);
    }

    private void AddCenterGradient(float weight)
    {
        if (Centers.RequiresGradient)
        {
            Backend.AddScaled(weight, _centerGradient, Centers.Gradient);
        }
    }

    private void RequireEmbeddings(Tensor embeddings, string name)
    {
        ArgumentNullException.ThrowIfNull(embeddings, name);
        if (embeddings.Rank != 2 || embeddings.Size(1) != EmbeddingDimension)
        {
            throw new ArgumentException(
                $"The clustering layer expects embeddings [n, {EmbeddingDimension}] but got {TensorShape.Format(embeddings.Shape)}.", name);
        }
    }

    private static void RequireShape(Tensor tensor, int rows, int columns, string name)
    {
        if (tensor.Rank != 2 || tensor.Size(0) != rows || tensor.Size(1) != columns)
        {
            throw new ArgumentException($"Expected a tensor [{rows}, {columns}] but got {TensorShape.Format(tensor.Shape)}.", name);
        }
    }

    private static Tensor RequireMatrix(Tensor centers) =>
        centers.Rank == 2
            ? centers
            : throw new ArgumentException($"The centres must be a tensor [k, d], got {TensorShape.Format(centers.Shape)}.", nameof(centers));
}
