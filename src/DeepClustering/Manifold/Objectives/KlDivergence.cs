using DeepClustering.Manifold.Affinities;

namespace DeepClustering.Manifold.Objectives;

/// <summary>
/// t-SNE's objective, the Kullback-Leibler divergence KL(P‖Q) = Σᵢ≠ⱼ pᵢⱼ log(pᵢⱼ / qᵢⱼ), with scikit-learn's floors
/// against log 0.
/// </summary>
internal static class KlDivergence
{
    /// <summary>numpy's smallest normal float32, scikit-learn's floor in the Barnes-Hut objective (<c>FLOAT32_TINY</c>).</summary>
    internal const double Float32Tiny = 1.1754943508222875e-38;

    /// <summary>One pair's term as the exact method sums it: p·log(max(p, ε)/max(q, ε)), ε the float64 machine epsilon.</summary>
    public static double ExactTerm(double p, double q) =>
        p * Math.Log(Math.Max(p, JointProbabilities.MachineEpsilon) / Math.Max(q, JointProbabilities.MachineEpsilon));

    /// <summary>One pair's term as the Barnes-Hut method sums it: p·log(max(p, tiny)/max(q, tiny)), tiny the smallest float32.</summary>
    public static double BarnesHutTerm(double p, double q) => p * Math.Log(Math.Max(p, Float32Tiny) / Math.Max(q, Float32Tiny));

    /// <summary>KL(P‖Q) of two dense n × n matrices, summing <see cref="ExactTerm"/> over the off-diagonal pairs.</summary>
    public static double Dense(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (i != j)
                {
                    sum += ExactTerm(p[i * n + j], q[i * n + j]);
                }
            }
        }

        return sum;
    }
}
