namespace DeepClustering.Refiners.Dec;

/// <summary>Which member of the DEC family <see cref="DecRefiner"/> trains; all three share one training loop.</summary>
public enum DecVariant
{
    /// <summary>
    /// DEC (Xie, Girshick and Farhadi, ICML 2016): the clustering loss KL(P‖Q) alone, on the encoder and the centres;
    /// the decoder is dropped.
    /// </summary>
    Dec,

    /// <summary>
    /// IDEC (Guo, Gao, Liu and Yin, IJCAI 2017): the reconstruction loss plus γ·KL(P‖Q); the decoder is kept and trained,
    /// which preserves the local structure of the data in the embedding.
    /// </summary>
    Idec,

    /// <summary>
    /// DSSEC (Cai, Wang and Guo, "Unsupervised embedded feature learning for deep clustering with stacked sparse
    /// auto-encoder", 2021): IDEC's loss on a stacked sparse autoencoder. The sparsity penalty belongs to the encoder's own
    /// modules, which add its gradient in their backward pass, so the loop is IDEC's; the penalty's value enters the
    /// reported loss through the <c>additionalLoss</c> reader of <see cref="DecRefiner"/>.
    /// </summary>
    Dssec,
}
