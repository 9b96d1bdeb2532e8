namespace DeepClustering.Refiners.Dec;

/// <summary>The loss terms of one mini-batch of DEC, IDEC or DSSEC, each averaged over the batch.</summary>
/// <param name="Clustering">KL(P‖Q), unweighted.</param>
/// <param name="Reconstruction">The reconstruction loss; 0 for DEC, which does not run the decoder.</param>
/// <param name="Total">The loss that was differentiated: KL for DEC, reconstruction + γ·KL for IDEC and DSSEC.</param>
internal readonly record struct DecBatchLosses(double Clustering, double Reconstruction, double Total);
