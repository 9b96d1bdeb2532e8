using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Clustering;

/// <summary>Spherical k-means as a user sees it.</summary>
public sealed class SphericalKMeansTests
{
    /// <summary>Rows along four directions at very different lengths: only their direction tells them apart.</summary>
    private static DataMatrix Directions(int perDirection = 40)
    {
        var random = new RandomGenerator(2);
        double[][] directions = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, 0]];
        var rows = new List<double[]>();
        for (int i = 0; i < perDirection; i++)
        {
            foreach (var d in directions)
            {
                double length = 0.1 + 20 * random.NextDouble();
                rows.Add(d.Select(v => length * (v + 0.1 * random.NextGaussian())).ToArray());
            }
        }

        return DataMatrix.FromRows(rows);
    }

    [Fact]
    public void It_groups_rows_by_direction_whatever_their_length()
    {
        var data = Directions();
        var model = new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 4, Seed = 1, Threads = 2 }).Fit(data);
        for (int r = 4; r < data.Rows; r++)
        {
            Assert.Equal(model.Labels[r - 4], model.Labels[r]);
        }

        Assert.Equal(4, model.Labels.Distinct().Count());
        for (int c = 0; c < 4; c++)
        {
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(model.Centers.Row(c)), 1e-5f);
        }

        Assert.InRange(model.Objective, 0.9 * data.Rows, data.Rows);
        Assert.Equal(model.Labels, model.Predict(data));
    }

    [Fact]
    public void Transform_gives_cosine_similarities_and_prediction_ignores_scale()
    {
        var data = Directions(5);
        var model = new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 4, Seed = 3 }).Fit(data);
        var similarities = model.Transform(data);
        var scaled = new DataMatrix(data.Values.Select(v => v * 7.5f).ToArray(), data.Rows, data.Columns);
        Assert.Equal(model.Predict(data), model.Predict(scaled));
        for (int r = 0; r < data.Rows; r++)
        {
            var row = data.Row(r);
            double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.SumOfSquares(row));
            for (int c = 0; c < 4; c++)
            {
                double cosine = System.Numerics.Tensors.TensorPrimitives.Dot(row, model.Centers.Row(c)) / norm;
                Assert.Equal(cosine, similarities.Row(r)[c], 1e-5);
            }
        }
    }

    [Fact]
    public void Zero_rows_are_accepted_and_a_zero_initial_centre_is_refused()
    {
        var data = DataMatrix.FromRows([new float[] { 0, 0 }, [1, 0], [0, 1], [2, 0.1f]]);
        var model = new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 2, Seed = 0 }).Fit(data);
        Assert.Equal(4, model.Labels.Count);
        var zeroCentre = DataMatrix.FromRows([new float[] { 0, 0 }, [1, 0]]);
        Assert.Throws<ArgumentException>("InitialCenters",
            () => new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 2, InitialCenters = zeroCentre }).Fit(data));
    }

    [Fact]
    public void Bad_options_and_input_are_refused_naming_the_argument()
    {
        Assert.Throws<ArgumentOutOfRangeException>("ClusterCount", () => new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>("ClusterCount",
            () => new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 5 }).Fit(DataMatrix.FromRows([new float[] { 1, 2 }])));
        Assert.Throws<ArgumentOutOfRangeException>("Tolerance", () => new SphericalKMeans(new SphericalKMeansOptions { Tolerance = -1 }));
        var model = new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 2 }).Fit(Directions(3));
        Assert.Throws<ArgumentException>("data", () => model.Predict(DataMatrix.FromRows([new float[] { 1, 2 }])));
        Assert.Throws<ArgumentException>("data", () => model.Transform(DataMatrix.FromRows([new float[] { 1, 2 }])));
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_whatever_the_thread_count()
    {
        var data = Directions(100);
        SphericalKMeansModel Fit(int threads) => new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = 5, Seed = 8, Threads = threads }).Fit(data);
        var one = Fit(1);
        var two = Fit(2);
        Assert.Equal(one.Labels, two.Labels);
        Assert.Equal(one.Objective, two.Objective);
        Assert.Equal(one.Centers.Values, two.Centers.Values);
    }
}
