using DeepClustering.Refiners.Dec;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>DEC eq. 2, KL(P‖Q) summed over clusters and averaged over rows, and its gradients, eqs. 4 and 5.</summary>
public sealed class ClusteringLossTests
{
    [Fact]
    public void The_value_by_hand_is_the_sum_over_clusters_averaged_over_rows()
    {
        // P = [[16/17, 1/17], [1/17, 16/17]], Q = [[0.8, 0.2], [0.2, 0.8]]: both rows give
        // 16/17·ln((16/17)/0.8) + 1/17·ln((1/17)/0.2), and the mean over the 2 rows is that value (the sum would be twice).
        double row = 16.0 / 17 * Math.Log(16.0 / 17 / 0.8) + 1.0 / 17 * Math.Log(1.0 / 17 / 0.2);
        float[] p = [16f / 17, 1f / 17, 1f / 17, 16f / 17];
        float[] q = [0.8f, 0.2f, 0.2f, 0.8f];
        Assert.Equal(row, ClusteringLoss.Value(p, q, clusters: 2), 1e-7);
    }

    [Fact]
    public void Zero_targets_count_zero_and_a_target_on_a_zero_assignment_is_infinite()
    {
        // P = (1, 0), Q = (0.5, 0.5): 1·ln 2 + 0 (the 0·log 0 term is 0).
        Assert.Equal(Math.Log(2), ClusteringLoss.Value([1f, 0f], [0.5f, 0.5f], 2), 1e-12);
        Assert.Equal(double.PositiveInfinity, ClusteringLoss.Value([0.5f, 0.5f], [1f, 0f], 2));
        Assert.Equal(0.0, ClusteringLoss.Value([0.3f, 0.7f], [0.3f, 0.7f], 2), 1e-12);
    }

    [Fact]
    public void Gradients_by_hand()
    {
        // 1-D, one point z = 0, centres μ1 = 1 and μ2 = −2, α = 1, target P = (1, 0), n = 1.
        // ‖z − μ‖² = 1, 4 → w = 1/2, 1/5; q = (1/2, 1/5)/(7/10) = (5/7, 2/7); L = 1·ln(1/(5/7)) = ln(7/5).
        // c_j = ((α+1)/α)·w_j·(p_j − q_j): c1 = 2·(1/2)·(2/7) = 2/7, c2 = 2·(1/5)·(−2/7) = −4/35.
        // ∂L/∂z = c1·(0 − 1) + c2·(0 + 2) = −2/7 − 8/35 = −18/35   (descent moves z towards μ1, the target's cluster);
        // ∂L/∂μ1 = −c1·(0 − 1) = 2/7 (μ1 moves towards z); ∂L/∂μ2 = −c2·(0 + 2) = 8/35 (μ2, over-assigned, moves away).
        var gradZ = new float[1];
        var gradMu = new float[2];
        double loss = ClusteringLoss.ValueAndGradients([0f], [1f, -2f], dimension: 1, alpha: 1.0, [1f, 0f], gradZ, gradMu);
        Assert.Equal(Math.Log(7.0 / 5), loss, 1e-12);
        Assert.Equal(-18.0 / 35, gradZ[0], 1e-7);
        Assert.Equal(2.0 / 7, gradMu[0], 1e-7);
        Assert.Equal(8.0 / 35, gradMu[1], 1e-7);
    }

    [Fact]
    public void Gradients_by_hand_with_alpha_two_and_the_batch_mean()
    {
        // The same point twice (n = 2), α = 2, centres μ1 = 1, μ2 = −1, target (1, 0) on both rows.
        // ‖z − μ‖² = 1, 1 → q = (1/2, 1/2), w = 1/(1 + 1/2) = 2/3, (α+1)/α = 3/2;
        // c1 = (1/n)·(3/2)·(2/3)·(1 − 1/2) = 1/4, c2 = (1/n)·(3/2)·(2/3)·(0 − 1/2) = −1/4 per row;
        // ∂L/∂z_i = c1·(0 − 1) + c2·(0 + 1) = −1/2; ∂L/∂μ1 = −Σ_i c1·(0 − 1) = 1/2; ∂L/∂μ2 = −Σ_i c2·(0 + 1) = 1/2.
        // L = mean of ln 2 over the rows = ln 2.
        var gradZ = new float[2];
        var gradMu = new float[2];
        double loss = ClusteringLoss.ValueAndGradients([0f, 0f], [1f, -1f], 1, 2.0, [1f, 0f, 1f, 0f], gradZ, gradMu);
        Assert.Equal(Math.Log(2), loss, 1e-12);
        DecAssert.Close([-0.5, -0.5], gradZ, 1e-7, 0, "∂L/∂z");
        DecAssert.Close([0.5, 0.5], gradMu, 1e-7, 0, "∂L/∂μ");
    }

    [Theory]
    [MemberData(nameof(DecGoldenCase.Indices), MemberType = typeof(DecGoldenCase))]
    public void Matches_PyTorch_autograd(int index)
    {
        var c = DecGoldenCase.Load()[index];
        var target = c.Target.Select(v => (float)v).ToArray();
        var gradZ = new float[c.N * c.D];
        var gradMu = new float[c.K * c.D];
        double loss = ClusteringLoss.ValueAndGradients(c.Z, c.Mu, c.D, c.Alpha, target, gradZ, gradMu);
        // The target is rounded to float32 here (6e-8 relative); the loss moves by about that much, and the gradients,
        // float32 themselves, by about 2e-7 relative, much less than any slip in the formula.
        Assert.Equal(c.Loss, loss, Math.Max(1e-9, 1e-6 * Math.Abs(c.Loss)));
        DecAssert.Close(c.GradZ, gradZ, absolute: 1e-8, relative: 1e-6, $"∂L/∂z ({c})");
        DecAssert.Close(c.GradMu, gradMu, absolute: 1e-8, relative: 1e-6, $"∂L/∂μ ({c})");

        var q = new float[c.N * c.K];
        StudentTAssignment.Compute(c.Z, c.Mu, c.D, c.Alpha, q);
        Assert.Equal(c.Loss, ClusteringLoss.Value(target, q, c.K), Math.Max(1e-8, 1e-6 * Math.Abs(c.Loss)));
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.5, false)]
    [InlineData(2.0, false)]
    [InlineData(1.0, true)]
    public void Gradients_match_central_differences(double alpha, bool unnormalisedTarget)
    {
        // The target of a stale embedding, as in training; optionally with rows not summing to 1, where the general
        // form p_ij − q_ij·Σ_l p_il of the gradient differs from eqs. 4–5.
        var random = new RandomGenerator(21);
        const int n = 6, k = 3, d = 4;
        var z = StudentTAssignmentTests.Normal(random, n * d, 1f);
        var mu = StudentTAssignmentTests.Normal(random, k * d, 1.5f);
        var target = StaleTarget(random, z, mu, d, alpha);
        if (unnormalisedTarget)
        {
            for (int e = 0; e < target.Length; e++)
            {
                target[e] *= 0.5f + (e / k % 3);
            }
        }

        var gradZ = new float[n * d];
        var gradMu = new float[k * d];
        ClusteringLoss.ValueAndGradients(z, mu, d, alpha, target, gradZ, gradMu);

        var numericZ = DecAssert.CentralDifferences(z, zz => Loss(zz, mu, d, alpha, target), step: 1e-3);
        var numericMu = DecAssert.CentralDifferences(mu, mm => Loss(z, mm, d, alpha, target), step: 1e-3);
        // The loss is evaluated in double, so the difference carries only its truncation error h²·|f‴|/6 (≈ 1e-7 here)
        // and the analytic gradient its float32 rounding: 1e-6 + 1e-4·|n| is far above both and far below a slip.
        DecAssert.Close(numericZ, gradZ, absolute: 1e-6, relative: 1e-4, "∂L/∂z");
        DecAssert.Close(numericMu, gradMu, absolute: 1e-6, relative: 1e-4, "∂L/∂μ");
        Assert.True(numericZ.Max(Math.Abs) > 1e-2 && numericMu.Max(Math.Abs) > 1e-2, "The gradients are too small for the check to see a sign.");
    }

    [Fact]
    public void A_step_against_the_gradient_lowers_the_loss_and_a_step_along_it_raises_it()
    {
        // What a sign slip (descending along +∂L/∂z, or eq. 4 written with q − p) would do: raise the loss instead.
        var random = new RandomGenerator(8);
        const int n = 20, k = 4, d = 3;
        const double alpha = 1.0;
        var z = StudentTAssignmentTests.Normal(random, n * d, 1f);
        var mu = StudentTAssignmentTests.Normal(random, k * d, 1.5f);
        var target = StaleTarget(random, z, mu, d, alpha);
        var gradZ = new float[n * d];
        var gradMu = new float[k * d];
        double before = ClusteringLoss.ValueAndGradients(z, mu, d, alpha, target, gradZ, gradMu);

        const float step = 0.05f;
        Assert.True(Loss(Step(z, gradZ, -step), mu, d, alpha, target) < before, "Descent on z did not lower the loss.");
        Assert.True(Loss(Step(z, gradZ, step), mu, d, alpha, target) > before, "Ascent on z did not raise the loss.");
        Assert.True(Loss(z, Step(mu, gradMu, -step), d, alpha, target) < before, "Descent on μ did not lower the loss.");
        Assert.True(Loss(z, Step(mu, gradMu, step), d, alpha, target) > before, "Ascent on μ did not raise the loss.");

        // And plain gradient descent on both, against a fixed target, keeps lowering it.
        const float descentStep = 0.5f;
        double last = before;
        for (int iteration = 0; iteration < 50; iteration++)
        {
            z = Step(z, gradZ, -descentStep);
            mu = Step(mu, gradMu, -descentStep);
            double loss = ClusteringLoss.ValueAndGradients(z, mu, d, alpha, target, gradZ, gradMu);
            Assert.True(loss <= last + 1e-12, $"Iteration {iteration}: the loss rose from {last} to {loss}.");
            last = loss;
        }

        Assert.True(last < 0.5 * before, $"50 descent steps only took the loss from {before} to {last}.");
    }

    [Fact]
    public void Repeating_the_batch_keeps_the_loss_and_halves_each_rows_gradient()
    {
        // The reduction is a mean over rows: the same rows twice give the same loss and centre gradient, and half the
        // gradient per embedding row (each copy carries half the weight).
        var random = new RandomGenerator(4);
        const int n = 5, k = 3, d = 2;
        var z = StudentTAssignmentTests.Normal(random, n * d, 1f);
        var mu = StudentTAssignmentTests.Normal(random, k * d, 1.5f);
        var target = StaleTarget(random, z, mu, d, 1.0);
        var gradZ = new float[n * d];
        var gradMu = new float[k * d];
        double once = ClusteringLoss.ValueAndGradients(z, mu, d, 1.0, target, gradZ, gradMu);

        var gradZTwice = new float[2 * n * d];
        var gradMuTwice = new float[k * d];
        double twice = ClusteringLoss.ValueAndGradients([.. z, .. z], mu, d, 1.0, [.. target, .. target], gradZTwice, gradMuTwice);
        Assert.Equal(once, twice, 1e-12);
        DecAssert.Close(DecAssert.ToDouble(gradMu), gradMuTwice, 1e-7, 1e-6, "∂L/∂μ");
        DecAssert.Close(DecAssert.ToDouble(gradZ).Select(v => v / 2).ToArray(), gradZTwice.AsSpan(0, n * d), 1e-8, 1e-6, "∂L/∂z");
    }

    [Fact]
    public void The_fused_gradient_equals_the_chain_rule_through_q()
    {
        // ∂L/∂q_ij = −p_ij/(n·q_ij) pushed through StudentTAssignment.Backward gives eqs. 4–5 again.
        var random = new RandomGenerator(9);
        const int n = 7, k = 4, d = 3;
        const double alpha = 0.5;
        var z = StudentTAssignmentTests.Normal(random, n * d, 1f);
        var mu = StudentTAssignmentTests.Normal(random, k * d, 1.5f);
        var target = StaleTarget(random, z, mu, d, alpha);
        var gradZ = new float[n * d];
        var gradMu = new float[k * d];
        ClusteringLoss.ValueAndGradients(z, mu, d, alpha, target, gradZ, gradMu);

        var q = new float[n * k];
        StudentTAssignment.Compute(z, mu, d, alpha, q);
        var dq = q.Select((qij, e) => -target[e] / (n * qij)).ToArray();
        var chainZ = new float[n * d];
        var chainMu = new float[k * d];
        StudentTAssignment.Backward(z, mu, d, alpha, dq, chainZ, chainMu);
        DecAssert.Close(DecAssert.ToDouble(gradZ), chainZ, 1e-6, 1e-4, "∂L/∂z");
        DecAssert.Close(DecAssert.ToDouble(gradMu), chainMu, 1e-6, 1e-4, "∂L/∂μ");
    }

    [Fact]
    public void Bad_targets_are_refused()
    {
        var gradZ = new float[1];
        var gradMu = new float[2];
        Assert.Throws<ArgumentException>(() => ClusteringLoss.ValueAndGradients([0f], [1f, -2f], 1, 1.0, [-0.1f, 1.1f], gradZ, gradMu));
        Assert.Throws<ArgumentException>(() => ClusteringLoss.ValueAndGradients([0f], [1f, -2f], 1, 1.0, [float.NaN, 1f], gradZ, gradMu));
        Assert.Throws<ArgumentException>(() => ClusteringLoss.ValueAndGradients([0f], [1f, -2f], 1, 1.0, [1f], gradZ, gradMu));
        Assert.Throws<ArgumentException>(() => ClusteringLoss.Value([1f, 0f], [0.5f, 0.5f, 0f], 2));
    }

    /// <summary>The loss in double from Q's logarithm, independent of the gradient code.</summary>
    internal static double Loss(float[] z, float[] mu, int d, double alpha, float[] target)
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
                double p = target[i * k + j];
                if (p > 0)
                {
                    sum += p * (Math.Log(p) - logQ[j]);
                }
            }
        }

        return sum / n;
    }

    /// <summary>The target distribution of z plus noise of 0.3: a P that is not the target of the Q it is compared with.</summary>
    internal static float[] StaleTarget(RandomGenerator random, float[] z, float[] mu, int d, double alpha)
    {
        var noise = StudentTAssignmentTests.Normal(random, z.Length, 0.3f);
        var stale = z.Select((v, e) => v + noise[e]).ToArray();
        var q = new float[z.Length / d * (mu.Length / d)];
        StudentTAssignment.Compute(stale, mu, d, alpha, q);
        var p = new float[q.Length];
        TargetDistribution.Compute(q, mu.Length / d, p);
        return p;
    }

    private static float[] Step(float[] x, float[] gradient, float step) => x.Select((v, e) => v + step * gradient[e]).ToArray();
}
