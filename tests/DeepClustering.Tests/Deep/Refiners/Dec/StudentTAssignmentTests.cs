using DeepClustering.Refiners.Dec;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>DEC eq. 1, the Student's t soft assignment, and its backward pass.</summary>
public sealed class StudentTAssignmentTests
{
    [Fact]
    public void Alpha_one_by_hand()
    {
        // z = (0, 0); μ1 = (1, 0), μ2 = (0, 2): ‖z − μ‖² = 1, 4; α = 1 → kernels 1/(1 + 1) = 1/2 and 1/(1 + 4) = 1/5;
        // q = (1/2, 1/5) / (7/10) = (5/7, 2/7).
        var q = new float[2];
        StudentTAssignment.Compute([0f, 0f], [1f, 0f, 0f, 2f], dimension: 2, alpha: 1.0, q);
        Assert.Equal(5.0 / 7, q[0], 1e-7);
        Assert.Equal(2.0 / 7, q[1], 1e-7);
    }

    [Fact]
    public void Alpha_two_by_hand()
    {
        // Same points, α = 2: kernels (1 + 1/2)^(−3/2) and (1 + 4/2)^(−3/2) = 1.5^(−1.5) and 3^(−1.5);
        // q1 = 1 / (1 + (1.5/3)^1.5) = 1 / (1 + 2^(−1.5)) = 0.7387961250362586.
        var q = new float[2];
        StudentTAssignment.Compute([0f, 0f], [1f, 0f, 0f, 2f], dimension: 2, alpha: 2.0, q);
        Assert.Equal(0.7387961250362586, q[0], 1e-7);
        Assert.Equal(1 - 0.7387961250362586, q[1], 1e-7);
    }

    [Fact]
    public void Alpha_one_half_by_hand()
    {
        // 1-D: z = 1, μ = (0, 3): ‖·‖² = 1, 4; α = 1/2, exponent (α + 1)/2 = 3/4: kernels 3^(−3/4) and 9^(−3/4) = 3^(−3/2);
        // q1 = 3^(−3/4) / (3^(−3/4) + 3^(−3/2)) = 1 / (1 + 3^(−3/4)).
        var q = new float[2];
        StudentTAssignment.Compute([1f], [0f, 3f], dimension: 1, alpha: 0.5, q);
        double q1 = 1 / (1 + Math.Pow(3, -0.75));
        Assert.Equal(q1, q[0], 1e-7);
        Assert.Equal(1 - q1, q[1], 1e-7);
    }

    [Fact]
    public void A_point_on_a_centre_and_equidistant_centres()
    {
        // z on μ1 and at distance² 1 from μ2, α = 1: kernels 1 and 1/2 → q = (2/3, 1/3). Two centres at the same distance
        // share the row equally.
        var q = new float[2];
        StudentTAssignment.Compute([2f, 2f], [2f, 2f, 3f, 2f], dimension: 2, alpha: 1.0, q);
        Assert.Equal(2.0 / 3, q[0], 1e-7);
        Assert.Equal(1.0 / 3, q[1], 1e-7);

        StudentTAssignment.Compute([0f, 0f], [1f, 0f, 0f, -1f], dimension: 2, alpha: 1.0, q);
        Assert.Equal(0.5f, q[0]);
        Assert.Equal(0.5f, q[1]);
    }

    [Theory]
    [MemberData(nameof(DecGoldenCase.Indices), MemberType = typeof(DecGoldenCase))]
    public void Matches_the_PyTorch_reference(int index)
    {
        var c = DecGoldenCase.Load()[index];
        var q = new float[c.N * c.K];
        StudentTAssignment.Compute(c.Z, c.Mu, c.D, c.Alpha, q);
        // Both sides compute in double from the same float32 inputs; only the float32 rounding of q is left (6e-8 relative).
        DecAssert.Close(c.Q, q, absolute: 1e-8, relative: 2e-7, $"q ({c})");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    [InlineData(10.0)]
    public void Rows_sum_to_one(double alpha)
    {
        var random = new RandomGenerator(7);
        const int n = 50, k = 6, d = 5;
        var z = Normal(random, n * d, 1f);
        var mu = Normal(random, k * d, 2f);
        var q = new float[n * k];
        StudentTAssignment.Compute(z, mu, d, alpha, q);
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++)
            {
                Assert.True(q[i * k + j] > 0f);
                sum += q[i * k + j];
            }

            Assert.Equal(1.0, sum, 1e-6);
        }
    }

    [Fact]
    public void Far_points_and_a_large_alpha_do_not_underflow()
    {
        // α = 100, exponent (α + 1)/2 = 50.5; z = 10⁶ is 10⁶ from μ1 = 0 and 10⁶ − 1 from μ2 = 1: each kernel
        // (1 + 10¹²/100)^(−50.5) ≈ 10⁻⁵⁰⁵ is 0 in double, so the direct form gives 0/0. In log form
        // log(q1/q2) = −50.5·(log(1 + 10¹²/α) − log(1 + (10⁶ − 1)²/α)) ≈ −50.5·(−2·10⁻⁶) = 1.01·10⁻⁴.
        const double alpha = 100;
        double d1 = 1e12, d2 = (1e6 - 1) * (1e6 - 1);
        Assert.Equal(0.0, Math.Pow(1 + d1 / alpha, -50.5));
        var q = new double[2];
        var logQ = new double[2];
        var inverseKernel = new double[2];
        StudentTAssignment.Row([1e6f], [0f, 1f], alpha, q, logQ, inverseKernel);
        double expectedLogRatio = -50.5 * (Math.Log(1 + d1 / alpha) - Math.Log(1 + d2 / alpha));
        Assert.True(double.IsFinite(q[0]) && double.IsFinite(q[1]));
        Assert.Equal(1.0, q[0] + q[1], 1e-15);
        Assert.Equal(expectedLogRatio, logQ[0] - logQ[1], 1e-12);
        Assert.True(q[1] > q[0], "The nearer centre must get the larger share.");
        Assert.Equal(Math.Exp(logQ[0]), q[0], 1e-12);
        Assert.Equal(alpha / (alpha + d1), inverseKernel[0], 1e-22);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Backward_matches_central_differences_of_a_weighted_sum_of_q(double alpha)
    {
        // L = Σ_ij r_ij q_ij for fixed random r: ∂L/∂Q = r, so Backward(r) must be L's gradient in Z and μ.
        var random = new RandomGenerator(11);
        const int n = 5, k = 3, d = 4;
        var z = Normal(random, n * d, 1f);
        var mu = Normal(random, k * d, 1.5f);
        var r = Normal(random, n * k, 1f);
        var gradZ = new float[n * d];
        var gradMu = new float[k * d];
        StudentTAssignment.Backward(z, mu, d, alpha, r, gradZ, gradMu);

        double Loss(float[] zz, float[] mm) => WeightedSum(zz, mm, d, alpha, r);
        var numericZ = DecAssert.CentralDifferences(z, zz => Loss(zz, mu), step: 1e-3);
        var numericMu = DecAssert.CentralDifferences(mu, mm => Loss(z, mm), step: 1e-3);
        // Truncation h²·|f‴|/6 ≈ 1e-6 here; the analytic side is rounded to float32 (6e-8 relative).
        DecAssert.Close(numericZ, gradZ, absolute: 2e-5, relative: 1e-4, "∂L/∂z");
        DecAssert.Close(numericMu, gradMu, absolute: 2e-5, relative: 1e-4, "∂L/∂μ");
        Assert.True(numericZ.Max(Math.Abs) > 0.05 && numericMu.Max(Math.Abs) > 0.05, "The gradients are too small for the check to see a sign.");
    }

    [Fact]
    public void Bad_shapes_and_alpha_are_refused()
    {
        var q = new float[2];
        Assert.Throws<ArgumentException>(() => StudentTAssignment.Compute([0f, 0f, 0f], [1f, 0f, 0f, 2f], 2, 1.0, q));
        Assert.Throws<ArgumentException>(() => StudentTAssignment.Compute([0f, 0f], [1f, 0f, 0f], 2, 1.0, q));
        Assert.Throws<ArgumentException>(() => StudentTAssignment.Compute([0f, 0f], [1f, 0f, 0f, 2f], 2, 1.0, new float[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTAssignment.Compute([0f, 0f], [1f, 0f, 0f, 2f], 2, 0.0, q));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentTAssignment.Compute([0f, 0f], [1f, 0f, 0f, 2f], 2, double.NaN, q));
    }

    /// <summary>Σ_ij r_ij q_ij with Q from <see cref="StudentTAssignment.Row"/> in double.</summary>
    internal static double WeightedSum(float[] z, float[] mu, int d, double alpha, float[] r)
    {
        int n = z.Length / d, k = mu.Length / d;
        var q = new double[k];
        var logQ = new double[k];
        var inverseKernel = new double[k];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            StudentTAssignment.Row(z.AsSpan(i * d, d), mu, alpha, q, logQ, inverseKernel);
            for (int j = 0; j < k; j++)
            {
                sum += r[i * k + j] * q[j];
            }
        }

        return sum;
    }

    internal static float[] Normal(RandomGenerator random, int count, float scale)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = scale * (float)random.NextGaussian();
        }

        return values;
    }
}
