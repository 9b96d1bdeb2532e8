using DeepClustering.Clustering;
using DeepClustering.Clustering.Density;
using DeepClustering.Data;

namespace DeepClustering.Tests.Clustering.Density;

/// <summary>DBSCAN on hand-made data, its prediction rule, and refused input.</summary>
public sealed class DbscanTests
{
    // Two groups on a line and a lone point: 0, 0.5, 1 | 5, 5.5, 6, 6.5 | 20. With eps 0.6 and 3 points, 0.5 and
    // 5.5, 6 are core points; 0, 1, 5 and 6.5 are border points; 20 is noise.
    private static readonly DataMatrix s_line = DataMatrix.FromRows(new[] { 0f, 0.5f, 1f, 5f, 5.5f, 6f, 6.5f, 20f }.Select(v => new[] { v }).ToArray());

    [Fact]
    public void Groups_on_a_line_are_labelled_by_hand()
    {
        var model = new Dbscan(new DbscanOptions { Epsilon = 0.6, MinimumPoints = 3 }).Fit(s_line);

        Assert.Equal([0, 0, 0, 1, 1, 1, 1, -1], model.Labels);
        Assert.Equal([1, 4, 5], model.CoreSampleIndices);
        Assert.Equal(2, model.ClusterCount);
        Assert.Equal(1, model.NoiseCount);
    }

    [Fact]
    public void A_neighbour_exactly_at_eps_counts()
    {
        // 0 and 0.5 are exactly 0.5 apart (binary fractions): with eps 0.5 and 2 points both are core.
        var data = DataMatrix.FromRows([[0f], [0.5f], [3f]]);

        var model = new Dbscan(new DbscanOptions { Epsilon = 0.5, MinimumPoints = 2 }).Fit(data);

        Assert.Equal([0, 0, -1], model.Labels);
    }

    [Fact]
    public void Predict_takes_the_label_of_the_nearest_core_sample_within_eps()
    {
        var model = new Dbscan(new DbscanOptions { Epsilon = 0.6, MinimumPoints = 3 }).Fit(s_line);
        // 1.05 is 0.55 from core 0.5 → 0; 1.2 is 0.7 from the nearest core sample (only border 1 is nearer) → −1;
        // 6.55 is 0.55 from core 6 → 1; 20 → −1; 3 → −1.
        var data = DataMatrix.FromRows(new[] { 1.05f, 1.2f, 6.55f, 20f, 3f, 5.4f }.Select(v => new[] { v }).ToArray());

        Assert.Equal([0, -1, 1, -1, -1, 1], model.Predict(data));
    }

    [Fact]
    public void One_row_with_one_point_needed_is_a_cluster()
    {
        var model = new Dbscan(new DbscanOptions { Epsilon = 1, MinimumPoints = 1 }).Fit(DataMatrix.FromRows([[3f, 4f]]));

        Assert.Equal([0], model.Labels);
        Assert.Equal([0, 0, -1], model.Predict(DataMatrix.FromRows([[3f, 4f], [3f, 5f], [3f, 5.5f]])));
    }

    [Fact]
    public void Without_core_samples_everything_is_noise()
    {
        var model = new Dbscan(new DbscanOptions { Epsilon = 0.1, MinimumPoints = 2 }).Fit(s_line);

        Assert.All(model.Labels, label => Assert.Equal(-1, label));
        Assert.Equal(0, model.ClusterCount);
        Assert.Empty(model.CoreSampleIndices);
        Assert.Equal([-1, -1], model.Predict(DataMatrix.FromRows([[0f], [5f]])));
    }

    [Fact]
    public void Works_through_the_interfaces()
    {
        IClusterer clusterer = new Dbscan(new DbscanOptions { Epsilon = 0.6, MinimumPoints = 3 });
        IClusteringModel model = clusterer.Fit(s_line);

        Assert.Equal("DBSCAN", clusterer.Name);
        Assert.Equal(2, model.ClusterCount);
        Assert.Equal(model.Labels.Take(7), model.Predict(DataMatrix.FromRows(s_line.Values.Take(7).Select(v => new[] { v }).ToArray())));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Epsilon_not_positive_is_refused(double epsilon) =>
        Assert.Equal("Epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Dbscan(new DbscanOptions { Epsilon = epsilon })).ParamName);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void MinimumPoints_below_one_is_refused(int minimumPoints) =>
        Assert.Equal("MinimumPoints", Assert.Throws<ArgumentOutOfRangeException>(
            () => new Dbscan(new DbscanOptions { MinimumPoints = minimumPoints })).ParamName);

    [Fact]
    public void Negative_threads_are_refused() =>
        Assert.Equal("Threads", Assert.Throws<ArgumentOutOfRangeException>(() => new Dbscan(new DbscanOptions { Threads = -1 })).ParamName);

    [Fact]
    public void Predict_with_the_wrong_column_count_is_refused()
    {
        var model = new Dbscan(new DbscanOptions { Epsilon = 0.6, MinimumPoints = 3 }).Fit(s_line);

        var error = Assert.Throws<ArgumentException>(() => model.Predict(DataMatrix.FromRows([[1f, 2f]])));
        Assert.Equal("data", error.ParamName);
    }

    [Fact]
    public void Null_data_are_refused() =>
        Assert.Throws<ArgumentNullException>(() => new Dbscan().Fit(null!));

    [Fact]
    public void Cancellation_stops_the_fit()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new Dbscan().Fit(s_line, source.Token));
    }

    [Fact]
    public void Defaults_are_scikit_learns()
    {
        var options = new DbscanOptions();

        Assert.Equal(0.5, options.Epsilon);
        Assert.Equal(5, options.MinimumPoints);
    }
}
