namespace DeepClustering.Metrics;

/// <summary>
/// How normalised mutual information averages the two entropies in its denominator, scikit-learn's
/// <c>average_method</c>.
/// </summary>
public enum NmiAverage
{
    /// <summary>min(H(U), H(V)).</summary>
    Min,

    /// <summary>√(H(U)·H(V)): the NMI of Strehl and Ghosh (2002), reported by DEC, IDEC, DCEC and DEKM.</summary>
    Geometric,

    /// <summary>(H(U) + H(V)) / 2: scikit-learn's default since 0.22, and this library's.</summary>
    Arithmetic,

    /// <summary>max(H(U), H(V)).</summary>
    Max,
}
