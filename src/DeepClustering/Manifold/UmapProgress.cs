namespace DeepClustering.Manifold;

/// <summary>
/// Where a UMAP fit or transform stands: reported at the start of each stage, and during the layout every
/// 10 epochs and after the last.
/// </summary>
/// <param name="Stage">The stage under way.</param>
/// <param name="Epoch">Layout epochs done (0 before the layout).</param>
/// <param name="Epochs">Layout epochs in all.</param>
public readonly record struct UmapProgress(UmapStage Stage, int Epoch, int Epochs);
