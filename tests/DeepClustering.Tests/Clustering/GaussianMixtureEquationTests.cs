using DeepClustering.Clustering;

namespace DeepClustering.Tests.Clustering;

/// <summary>Each equation of the Gaussian mixture on its own, against values worked out by hand.</summary>
public sealed class GaussianMixtureEquationTests
{
    [Fact]
    public void Log_sum_exp_is_exact_and_does_not_overflow()
    {
        Assert.Equal(Math.Log(6), LogSumExp.Of([0, Math.Log(2), Math.Log(3)]), 1e-15);
        Assert.Equal(1000 + Math.Log(2), LogSumExp.Of([1000, 1000]), 1e-12);
        Assert.Equal(-1000 + Math.Log(2), LogSumExp.Of([-1000, -1000]), 1e-12);
        Assert.Equal(double.NegativeInfinity, LogSumExp.Of([double.NegativeInfinity, double.NegativeInfinity]));
    }

    [Fact]
    public void The_log_determinant_of_a_precision_factor_sums_the_logs_of_its_diagonal()
    {
        Assert.Equal(Math.Log(6), GaussianLogDensity.LogDeterminant([2, 5, 0, 3], CovarianceType.Full, 2), 1e-15);
        Assert.Equal(Math.Log(6), GaussianLogDensity.LogDeterminant([2, 3], CovarianceType.Diagonal, 2), 1e-15);
        Assert.Equal(3 * Math.Log(2), GaussianLogDensity.LogDeterminant([2], CovarianceType.Spherical, 3), 1e-15);
    }

    [Fact]
    public void The_precision_factor_of_a_full_covariance_gives_its_inverse()
    {
        // Σ = [[2, 1], [1, 2]], Σ⁻¹ = [[2, −1], [−1, 2]] / 3.
        var p = PrecisionCholesky.FromCovariance([2, 1, 1, 2], CovarianceType.Full, 2)!;
        double[] inverse = [2.0 / 3, -1.0 / 3, -1.0 / 3, 2.0 / 3];
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                double ppt = p[i * 2] * p[j * 2] + p[i * 2 + 1] * p[j * 2 + 1];
                Assert.Equal(inverse[i * 2 + j], ppt, 1e-14);
            }
        }

        Assert.Equal(0, p[2]); // upper triangular, as scikit-learn's (L⁻¹)ᵀ
        // log det P = −½ log det Σ = −½ log 3.
        Assert.Equal(-0.5 * Math.Log(3), GaussianLogDensity.LogDeterminant(p, CovarianceType.Full, 2), 1e-14);
    }

    [Fact]
    public void The_precision_factor_of_diagonal_and_spherical_covariances_is_one_over_the_deviation()
    {
        Assert.Equal([0.5, 1.0 / 3], PrecisionCholesky.FromCovariance([4, 9], CovarianceType.Diagonal, 2)!);
        Assert.Equal([0.5], PrecisionCholesky.FromCovariance([4], CovarianceType.Spherical, 5)!);
    }

    [Fact]
    public void A_given_precision_is_factored_by_its_lower_Cholesky_factor()
    {
        // Λ = [[4, 2], [2, 2]] = L·Lᵀ with L = [[2, 0], [1, 1]].
        Assert.Equal([2.0, 0, 1, 1], PrecisionCholesky.FromPrecision([4.0, 2, 2, 2], CovarianceType.Full, 2)!.Select(v => Math.Round(v, 14)));
        Assert.Equal([2.0, 3.0], PrecisionCholesky.FromPrecision([4.0, 9.0], CovarianceType.Diagonal, 2)!);
        Assert.Equal([3.0], PrecisionCholesky.FromPrecision([9.0], CovarianceType.Spherical, 2)!);
    }

    [Fact]
    public void Matrices_that_are_not_positive_definite_have_no_factor()
    {
        Assert.Null(PrecisionCholesky.FromCovariance([1, 2, 2, 1], CovarianceType.Full, 2));
        Assert.Null(PrecisionCholesky.FromCovariance([1, 1, 1, 1], CovarianceType.Full, 2));
        Assert.Null(PrecisionCholesky.FromCovariance([1, 0], CovarianceType.Diagonal, 2));
        Assert.Null(PrecisionCholesky.FromPrecision([0.0], CovarianceType.Spherical, 2));
        Assert.Null(PrecisionCholesky.FromPrecision([-1.0, 0, 0, 1], CovarianceType.Full, 2));
    }

    [Fact]
    public void The_squared_Mahalanobis_distance_uses_the_inverse_covariance()
    {
        var scratch = new double[2];
        var full = PrecisionCholesky.FromCovariance([2, 1, 1, 2], CovarianceType.Full, 2)!;
        // (1, 1) Σ⁻¹ (1, 1)ᵀ = (2 − 1 − 1 + 2) / 3.
        Assert.Equal(2.0 / 3, GaussianLogDensity.SquaredMahalanobis([2, 3], [1, 2], full, CovarianceType.Full, scratch), 1e-14);
        Assert.Equal(4.0 / 4 + 9.0 / 9, GaussianLogDensity.SquaredMahalanobis([2, 3], [0, 0], [0.5, 1.0 / 3], CovarianceType.Diagonal, scratch), 1e-14);
        Assert.Equal((4.0 + 9.0) / 4, GaussianLogDensity.SquaredMahalanobis([2, 3], [0, 0], [0.5], CovarianceType.Spherical, scratch), 1e-14);
    }

    [Fact]
    public void The_log_probability_of_a_standard_normal_at_its_mean_is_minus_half_log_two_pi()
    {
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI), GaussianLogDensity.LogProbability(0, 0, 1), 1e-15);
        // N(x = 2 | 0, σ² = 4) in one dimension: −½ ln 2π − ln 2 − ½.
        double logDeterminant = GaussianLogDensity.LogDeterminant([0.5], CovarianceType.Spherical, 1);
        Assert.Equal(-0.5 * Math.Log(2 * Math.PI) - Math.Log(2) - 0.5, GaussianLogDensity.LogProbability(1, logDeterminant, 1), 1e-15);
    }

    [Fact]
    public void The_E_step_normalises_responsibilities_and_returns_the_mean_log_normaliser()
    {
        double[] weighted = [Math.Log(0.1), Math.Log(0.3), Math.Log(0.2), Math.Log(0.2)];
        var normalizers = new double[2];
        double mean = GaussianMixtureEStep.LogResponsibilities(weighted, 2, normalizers);
        Assert.Equal(Math.Log(0.4), normalizers[0], 1e-15);
        Assert.Equal(Math.Log(0.4), normalizers[1], 1e-15);
        Assert.Equal(Math.Log(0.4), mean, 1e-15);
        Assert.Equal([0.25, 0.75, 0.5, 0.5], weighted.Select(v => Math.Round(Math.Exp(v), 14)));
    }

    [Fact]
    public void The_M_step_estimates_count_mean_and_each_covariance_type_with_regularisation()
    {
        // Rows (0, 0) and (2, 2), both fully in component 0; component 1 has responsibility 0.
        double[] x = [0, 0, 2, 2];
        double[] responsibilities = [1, 0, 1, 0];
        const double reg = 1e-3;
        Assert.Equal(2 + 10 * 2.220446049250313e-16, GaussianMixtureMStep.Count(responsibilities, 2, 2, 0));
        var mean = new double[2];
        GaussianMixtureMStep.Mean(x, 2, 2, responsibilities, 2, 0, 2, mean);
        Assert.Equal([1.0, 1.0], mean);
        Assert.Equal([1 + reg, 1, 1, 1 + reg], GaussianMixtureMStep.FullCovariance(x, 2, 2, responsibilities, 2, 0, 2, mean, reg));
        var diagonal = GaussianMixtureMStep.DiagonalCovariance(x, 2, 2, responsibilities, 2, 0, 2, mean, reg);
        Assert.Equal([1 + reg, 1 + reg], diagonal);
        Assert.Equal(1 + reg, GaussianMixtureMStep.SphericalCovariance(diagonal));
        Assert.Equal(1.5, GaussianMixtureMStep.SphericalCovariance([1.0, 2.0]));
    }

    [Fact]
    public void Responsibilities_weight_the_M_step()
    {
        // Rows 0, 1 and 4 with weights 1, 0.5 and 0.5: n = 2, μ = (0 + 0.5 + 2) / 2 = 1.25,
        // σ² = (1.25² + 0.5·0.25² + 0.5·2.75²) / 2 = 5.375 / 2.
        double[] x = [0, 1, 4];
        double[] responsibilities = [1, 0.5, 0.5];
        var (counts, means, covariances) = GaussianMixtureMStep.Estimate(x, 3, 1, responsibilities, 1, 0, CovarianceType.Diagonal, threads: 1);
        Assert.Equal(2, counts[0], 1e-14);
        Assert.Equal(1.25, means[0], 1e-14);
        Assert.Equal(5.375 / 2, covariances[0][0], 1e-14);
    }

    [Theory]
    [InlineData(CovarianceType.Full, 3, 2, 17)]
    [InlineData(CovarianceType.Diagonal, 3, 2, 14)]
    [InlineData(CovarianceType.Spherical, 3, 2, 11)]
    [InlineData(CovarianceType.Full, 1, 4, 14)]
    public void The_parameter_count_is_weights_means_and_covariances(CovarianceType type, int k, int d, long expected) =>
        Assert.Equal(expected, InformationCriteria.ParameterCount(type, k, d));

    [Fact]
    public void BIC_and_AIC_penalise_minus_twice_the_total_log_likelihood()
    {
        Assert.Equal(40 + 5 * Math.Log(10), InformationCriteria.Bic(-2, 10, 5), 1e-12);
        Assert.Equal(40 + 10, InformationCriteria.Aic(-2, 10, 5), 1e-12);
    }
}
