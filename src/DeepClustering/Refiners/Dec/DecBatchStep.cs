using DeepClustering.Tensors;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Losses;

namespace DeepClustering.Refiners.Dec;

/// <summary>
/// The forward and backward pass of one mini-batch of DEC, IDEC or DSSEC: adds the gradient of the batch's loss to the
/// parameters of the encoder, the centres and (IDEC, DSSEC) the decoder. The caller zeroes the gradients before and
/// steps the optimizer after.
/// </summary>
/// <remarks>
/// <para>DEC: z = f(x); L = KL(P‖Q(z, μ)); the clustering layer gives ∂L/∂z and adds ∂L/∂μ; then f.Backward(∂L/∂z).</para>
/// <para>
/// IDEC and DSSEC (with a reconstruction loss): z = f(x), x̂ = g(z);
/// L = L_r(x̂, x) + γ·KL(P‖Q(z, μ)), the weights of IDEC's <c>loss_weights=[gamma, 1]</c> on
/// <c>{'clustering': 'kld', 'decoder_0': 'mse'}</c>. g.Backward(∂L_r/∂x̂) adds the decoder's gradients and returns
/// ∂L_r/∂z; the clustering layer adds γ·∂KL/∂μ and gives γ·∂KL/∂z; f.Backward receives their sum. A regularising module
/// inside f (DSSEC's sparsity penalty) adds its own gradient on the way.
/// </para>
/// </remarks>
internal sealed class DecBatchStep
{
    private readonly Module _encoder;
    private readonly Module? _decoder;
    private readonly ClusteringLayer _clusteringLayer;
    private readonly Loss? _reconstructionLoss;
    private readonly float _clusteringLossWeight;

    /// <summary>Creates the step; with <paramref name="reconstructionLoss"/> null it is DEC's and the decoder is unused.</summary>
    /// <param name="encoder">f: inputs to embeddings.</param>
    /// <param name="decoder">g: embeddings to reconstructions; needed when <paramref name="reconstructionLoss"/> is given.</param>
    /// <param name="clusteringLayer">The centres μ and the clustering loss.</param>
    /// <param name="reconstructionLoss">L_r, or null for DEC.</param>
    /// <param name="clusteringLossWeight">γ; DEC uses 1.</param>
    public DecBatchStep(Module encoder, Module? decoder, ClusteringLayer clusteringLayer, Loss? reconstructionLoss, float clusteringLossWeight)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(clusteringLayer);
        if (reconstructionLoss is not null && decoder is null)
        {
            throw new ArgumentNullException(nameof(decoder), "A reconstruction loss needs the decoder.");
        }

        _encoder = encoder;
        _decoder = reconstructionLoss is null ? null : decoder;
        _clusteringLayer = clusteringLayer;
        _reconstructionLoss = reconstructionLoss;
        _clusteringLossWeight = clusteringLossWeight;
    }

    /// <summary>
    /// Runs the batch <paramref name="inputs"/> [b, …] against its rows <paramref name="targets"/> [b, k] of the target
    /// distribution, adds the gradients, and returns the loss terms.
    /// </summary>
    public DecBatchLosses Run(Tensor inputs, Tensor targets)
    {
        var embeddings = _encoder.Forward(inputs);
        double reconstruction = 0;
        Tensor? reconstructionGradient = null;
        if (_reconstructionLoss is not null)
        {
            var reconstructions = _decoder!.Forward(embeddings);
            reconstruction = _reconstructionLoss.Forward(reconstructions, inputs);
            reconstructionGradient = _decoder.Backward(_reconstructionLoss.Backward())
                ?? throw new InvalidOperationException("The decoder returned no input gradient; IDEC needs ∂L_r/∂z.");
        }

        double clustering = _clusteringLayer.LossAndGradients(embeddings, targets, _clusteringLossWeight, out var embeddingGradient);
        if (reconstructionGradient is not null)
        {
            _encoder.Backend.AddScaled(1f, reconstructionGradient, embeddingGradient);
        }

        _encoder.Backward(embeddingGradient);
        double total = _reconstructionLoss is null ? clustering : reconstruction + (double)_clusteringLossWeight * clustering;
        return new DecBatchLosses(clustering, reconstruction, total);
    }
}
