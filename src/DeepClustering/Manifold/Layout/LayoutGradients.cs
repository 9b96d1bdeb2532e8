namespace DeepClustering.Manifold.Layout;

/// <summary>
/// The per-coordinate gradient coefficients of UMAP's cross-entropy between the fuzzy graph and the embedding's
/// similarities 1 / (1 + a·d^(2b)) (McInnes et al. 2018, section 3.2; umap-learn's
/// <c>optimize_layout_euclidean</c>), as functions of the squared distance d² between two embedded points; the step
/// on a coordinate is the coefficient times the coordinate's difference, clipped to ±<see cref="Clip"/>.
/// </summary>
internal static class LayoutGradients
{
    /// <summary>The largest step per coordinate and unit learning rate (umap-learn's <c>clip</c> at 4).</summary>
    public const double Clip = 4.0;

    /// <summary>The repulsion's guard against a zero distance (umap-learn's 0.001).</summary>
    public const double RepulsionEpsilon = 0.001;

    /// <summary>Attraction along an edge: −2ab·d^(2(b−1)) / (1 + a·d^(2b)); 0 at d² = 0.</summary>
    public static double Attraction(double squaredDistance, double a, double b)
    {
        if (squaredDistance <= 0)
        {
            return 0;
        }

        double power = Math.Pow(squaredDistance, b);
        return -2.0 * a * b * (power / squaredDistance) / (a * power + 1.0);
    }

    /// <summary>Repulsion from a negative sample: 2γb / ((0.001 + d²)(1 + a·d^(2b))); 0 at d² = 0.</summary>
    public static double Repulsion(double squaredDistance, double a, double b, double gamma)
    {
        if (squaredDistance <= 0)
        {
            return 0;
        }

        return 2.0 * gamma * b / ((RepulsionEpsilon + squaredDistance) * (a * Math.Pow(squaredDistance, b) + 1.0));
    }

    /// <summary>A coordinate's step: clip(coefficient × difference) to ±<see cref="Clip"/>.</summary>
    public static double Step(double coefficient, double difference) => Math.Clamp(coefficient * difference, -Clip, Clip);
}
