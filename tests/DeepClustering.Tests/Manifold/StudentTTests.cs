using DeepClustering.Manifold.Objectives;

namespace DeepClustering.Tests.Manifold;

/// <summary>The Student-t similarity of the embedding and the constants of its gradient.</summary>
public class StudentTTests
{
    [Theory]
    [InlineData(3.0, 1.0, 0.25)]                // 1/(1 + 3)
    [InlineData(0.0, 1.0, 1.0)]
    [InlineData(2.0, 2.0, 0.35355339059327373)] // (1 + 2/2)^(−3/2) = 2^(−1.5)
    [InlineData(6.0, 3.0, 0.1111111111111111)]  // (1 + 6/3)^(−2) = 1/9
    public void The_kernel_is_one_plus_d2_over_alpha_to_the_minus_alpha_plus_one_over_two(double squaredDistance, double alpha, double expected) =>
        Assert.Equal(expected, StudentT.Kernel(squaredDistance, alpha), 1e-15);

    [Fact]
    public void The_degrees_of_freedom_and_gradient_constants_are_scikit_learns()
    {
        Assert.Equal(1.0, StudentT.DegreesOfFreedom(1));
        Assert.Equal(1.0, StudentT.DegreesOfFreedom(2));
        Assert.Equal(2.0, StudentT.DegreesOfFreedom(3));
        Assert.Equal(4.0, StudentT.GradientConstant(1.0));
        Assert.Equal(3.0, StudentT.GradientConstant(2.0));
        Assert.Equal(0.5, StudentT.GradientFactor(2.0, 2.0));
    }

    [Fact]
    public void Joint_similarities_of_three_points_by_hand()
    {
        // (0, 0), (1, 0), (0, 2): d² = 1, 4, 5 → w = 1/2, 1/5, 1/6; the ordered pairs sum to 2·(1/2 + 1/5 + 1/6).
        double[] embedding = [0, 0, 1, 0, 0, 2];
        double z = 2 * (0.5 + 0.2 + 1.0 / 6);

        double[] q = StudentT.JointSimilarities(embedding, 3, 2);

        Assert.Equal(0.5 / z, q[0 * 3 + 1], 1e-15);
        Assert.Equal(0.2 / z, q[0 * 3 + 2], 1e-15);
        Assert.Equal(1.0 / 6 / z, q[1 * 3 + 2], 1e-15);
        Assert.Equal(q[0 * 3 + 2], q[2 * 3 + 0]);
        Assert.Equal(0.0, q[0]);
        Assert.Equal(1.0, q.Sum(), 1e-15);
    }
}
