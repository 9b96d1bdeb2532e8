namespace DeepClustering.Manifold.Objectives;

/// <summary>
/// The heavy-tailed similarity of the embedding: a Student-t kernel with α degrees of freedom,
/// w(d²) = (1 + d²/α)^(−(α+1)/2), normalised over all ordered pairs into qᵢⱼ = wᵢⱼ / Σₖₗ wₖₗ. scikit-learn takes
/// α = max(dimensions − 1, 1), so α = 1 and w = 1/(1 + d²) in one and two dimensions.
/// </summary>
internal static class StudentT
{
    /// <summary>The degrees of freedom scikit-learn uses for an embedding of this many dimensions.</summary>
    public static double DegreesOfFreedom(int dimensions) => Math.Max(dimensions - 1, 1);

    /// <summary>w(d²) = (1 + d²/α)^(−(α+1)/2).</summary>
    public static double Kernel(double squaredDistance, double degreesOfFreedom)
    {
        double u = 1.0 / (1.0 + squaredDistance / degreesOfFreedom);
        return degreesOfFreedom == 1.0 ? u : Math.Pow(u, (degreesOfFreedom + 1.0) / 2.0);
    }

    /// <summary>
    /// u(d²) = (1 + d²/α)⁻¹, the factor the kernel's derivative brings into the gradient:
    /// ∂ log w / ∂ d² = −(α + 1)/(2α) · u.
    /// </summary>
    public static double GradientFactor(double squaredDistance, double degreesOfFreedom) =>
        1.0 / (1.0 + squaredDistance / degreesOfFreedom);

    /// <summary>The constant 2(α + 1)/α in front of t-SNE's gradient (4 when α = 1).</summary>
    public static double GradientConstant(double degreesOfFreedom) => 2.0 * (degreesOfFreedom + 1.0) / degreesOfFreedom;

    /// <summary>
    /// The dense n × n joint similarities Q of an embedding (row-major n × dimensions), diagonal 0, without
    /// scikit-learn's floor.
    /// </summary>
    public static double[] JointSimilarities(ReadOnlySpan<double> embedding, int n, int dimensions)
    {
        double alpha = DegreesOfFreedom(dimensions);
        var q = new double[(long)n * n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    double w = Kernel(SquaredDistance(embedding, i, j, dimensions), alpha);
                    q[(long)i * n + j] = w;
                    sum += w;
                }
            }
        }

        for (int e = 0; e < q.Length; e++)
        {
            q[e] /= sum;
        }

        return q;
    }

    /// <summary>‖yᵢ − yⱼ‖² of two rows of an embedding.</summary>
    public static double SquaredDistance(ReadOnlySpan<double> embedding, int i, int j, int dimensions)
    {
        double sum = 0;
        for (int a = 0; a < dimensions; a++)
        {
            double difference = embedding[i * dimensions + a] - embedding[j * dimensions + a];
            sum += difference * difference;
        }

        return sum;
    }
}
