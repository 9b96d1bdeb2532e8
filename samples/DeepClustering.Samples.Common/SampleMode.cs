namespace DeepClustering.Samples;

/// <summary>How much of the data a sample runs on.</summary>
public enum SampleMode
{
    /// <summary>The shipped 10,000-image test splits, with shorter training: minutes on two cores.</summary>
    Quick,

    /// <summary>The full 70,000-image sets (training and test splits) from the data folder, with the full recipe.</summary>
    Full,
}
