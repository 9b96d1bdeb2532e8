namespace DeepClustering.Training;

/// <summary>The phases of fitting a deep clustering model.</summary>
public enum TrainingPhase
{
    /// <summary>Reconstruction training of the autoencoder.</summary>
    Pretraining,

    /// <summary>The initial clustering of the embeddings.</summary>
    Clustering,

    /// <summary>Joint training of the encoder and the clusters.</summary>
    Refinement,
}
