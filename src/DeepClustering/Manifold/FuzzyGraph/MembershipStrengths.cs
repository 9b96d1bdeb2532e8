namespace DeepClustering.Manifold.FuzzyGraph;

/// <summary>
/// The membership strength of each directed neighbour edge (McInnes et al. 2018, definition 8; umap-learn's
/// <c>compute_membership_strengths</c>): exp(−(dᵢⱼ − ρᵢ) / σᵢ), 1 within ρᵢ (or when σᵢ is 0), and 0 for a point's
/// edge to itself when the graph is over one point set.
/// </summary>
internal static class MembershipStrengths
{
    /// <summary>The strength of one edge at distance <paramref name="distance"/> from a point with σ and ρ.</summary>
    public static double Of(double distance, double sigma, double rho)
    {
        double excess = distance - rho;
        return excess <= 0 || sigma == 0 ? 1.0 : Math.Exp(-excess / sigma);
    }

    /// <summary>
    /// The strengths of the rows × <paramref name="columns"/> neighbour edges, row-major like
    /// <paramref name="indices"/>; with <paramref name="overOnePointSet"/>, an edge from a point to itself gets 0.
    /// </summary>
    public static float[] Compute(ReadOnlySpan<int> indices, ReadOnlySpan<double> distances, int columns, double[] sigmas, double[] rhos, bool overOnePointSet)
    {
        var strengths = new float[indices.Length];
        for (int e = 0; e < indices.Length; e++)
        {
            int i = e / columns;
            strengths[e] = overOnePointSet && indices[e] == i ? 0f : (float)Of(distances[e], sigmas[i], rhos[i]);
        }

        return strengths;
    }
}
