namespace DeepClustering.Manifold.Layout;

/// <summary>
/// The a and b of UMAP's low-dimensional similarity 1 / (1 + a·d^(2b)) (McInnes et al. 2018, section 3.2;
/// umap-learn's <c>find_ab_params</c>): the least-squares fit of that curve to the target
/// ψ(d) = 1 for d &lt; min_dist, exp(−(d − min_dist) / spread) beyond, at 300 evenly spaced d in [0, 3·spread],
/// by Levenberg-Marquardt from a = b = 1 (as <c>scipy.optimize.curve_fit</c> starts).
/// </summary>
internal static class CurveParameters
{
    /// <summary>Points of the fit (umap-learn's <c>np.linspace(0, spread * 3, 300)</c>).</summary>
    public const int SamplePoints = 300;

    private const int MaxIterations = 1000;
    private const double Tolerance = 1e-12;

    /// <summary>The target membership ψ(d) the curve is fitted to.</summary>
    public static double Target(double distance, double minDistance, double spread) =>
        distance < minDistance ? 1.0 : Math.Exp(-(distance - minDistance) / spread);

    /// <summary>The fitted similarity 1 / (1 + a·d^(2b)).</summary>
    public static double Similarity(double distance, double a, double b) => 1.0 / (1.0 + a * Math.Pow(distance, 2 * b));

    /// <summary>Fits a and b for the given spread and minimum distance.</summary>
    public static (double A, double B) Fit(double spread, double minDistance)
    {
        var x = new double[SamplePoints];
        var y = new double[SamplePoints];
        for (int i = 0; i < SamplePoints; i++)
        {
            x[i] = 3 * spread * i / (SamplePoints - 1);
            y[i] = Target(x[i], minDistance, spread);
        }

        double a = 1, b = 1, lambda = 1e-3;
        double cost = Cost(x, y, a, b);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Normal equations of the Gauss-Newton step, damped on the diagonal (Marquardt's scaling).
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 0; i < SamplePoints; i++)
            {
                double power = Math.Pow(x[i], 2 * b);
                double denominator = 1 + a * power;
                double residual = 1 / denominator - y[i];
                double da = -power / (denominator * denominator);
                double db = x[i] > 0 ? -a * power * 2 * Math.Log(x[i]) / (denominator * denominator) : 0.0;
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * residual;
                gb += db * residual;
            }

            bool improved = false;
            while (lambda < 1e12)
            {
                double maa = jaa * (1 + lambda), mbb = jbb * (1 + lambda);
                double determinant = maa * mbb - jab * jab;
                double stepA = -(mbb * ga - jab * gb) / determinant;
                double stepB = -(maa * gb - jab * ga) / determinant;
                double candidate = Cost(x, y, a + stepA, b + stepB);
                if (double.IsFinite(candidate) && candidate <= cost)
                {
                    bool converged = cost - candidate <= Tolerance * Math.Max(cost, Tolerance)
                        && Math.Abs(stepA) <= 1e-10 * (Math.Abs(a) + 1e-10) + 1e-14 && Math.Abs(stepB) <= 1e-10 * (Math.Abs(b) + 1e-10) + 1e-14;
                    a += stepA;
                    b += stepB;
                    cost = candidate;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    improved = true;
                    if (converged)
                    {
                        return (a, b);
                    }

                    break;
                }

                lambda *= 10;
            }

            if (!improved)
            {
                break;
            }
        }

        return (a, b);
    }

    private static double Cost(double[] x, double[] y, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = Similarity(x[i], a, b) - y[i];
            sum += r * r;
        }

        return sum;
    }
}
