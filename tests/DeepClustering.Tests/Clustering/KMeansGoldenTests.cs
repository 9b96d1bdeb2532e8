using DeepClustering.Clustering;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tests.Clustering;

/// <summary>
/// k-means and spherical k-means against scikit-learn 1.2.1 (and a NumPy reference for the spherical variant),
/// from Golden/kmeans_reference.json.
/// </summary>
public sealed class KMeansGoldenTests
{
    public static TheoryData<string> KMeansCases => ClusteringGolden.Names(ClusteringGolden.KMeans, "kmeans");

    public static TheoryData<string> SphericalCases => ClusteringGolden.Names(ClusteringGolden.KMeans, "spherical");

    [Theory]
    [MemberData(nameof(KMeansCases))]
    public void From_the_same_initial_centres_k_means_matches_scikit_learn(string name)
    {
        var golden = ClusteringGolden.Case(ClusteringGolden.KMeans, "kmeans", name);
        var data = ClusteringGolden.Data(ClusteringGolden.KMeans, golden);
        var initial = ClusteringGolden.Matrix(golden["initial_centers"]!);
        var model = new KMeans(new KMeansOptions
        {
            ClusterCount = initial.Rows,
            InitialCenters = initial,
            Tolerance = golden["tolerance"]!.GetValue<double>(),
            MaxIterations = golden["max_iterations"]!.GetValue<int>(),
            Threads = 2,
        }).Fit(data);

        Assert.Equal(ClusteringGolden.Ints(golden["labels"]!), model.Labels);
        Assert.Equal(model.Labels, model.Predict(data));
        Assert.Equal(golden["iterations"]!.GetValue<int>(), model.Iterations);
        double inertia = golden["inertia"]!.GetValue<double>();
        Assert.True(Math.Abs(model.Inertia - inertia) <= 1e-5 * inertia, $"inertia {model.Inertia} vs scikit-learn's {inertia}");

        var centers = ClusteringGolden.DoubleMatrix(golden["centers"]!);
        double scale = centers.Cast<double>().Max(Math.Abs);
        for (int c = 0; c < model.ClusterCount; c++)
        {
            var row = model.Centers.Row(c);
            for (int f = 0; f < model.Columns; f++)
            {
                Assert.True(Math.Abs(row[f] - centers[c, f]) <= 1e-5 * scale, $"centre {c}, feature {f}: {row[f]} vs {centers[c, f]}");
            }
        }
    }

    [Theory]
    [InlineData("empty_far_center")]
    [InlineData("empty_duplicate_center")]
    public void The_empty_cluster_cases_really_leave_a_cluster_empty_after_the_first_assignment(string name)
    {
        // Guards the golden data: the relocation path is only exercised if the first assignment empties a cluster.
        var golden = ClusteringGolden.Case(ClusteringGolden.KMeans, "kmeans", name);
        var data = ClusteringGolden.Data(ClusteringGolden.KMeans, golden);
        var initial = ClusteringGolden.Matrix(golden["initial_centers"]!);
        var model = new KMeans(new KMeansOptions { ClusterCount = initial.Rows, InitialCenters = initial, MaxIterations = 1 }).Fit(data);
        var firstLabels = new KMeansModelProbe(initial).Predict(data);
        Assert.True(firstLabels.Distinct().Count() < initial.Rows);
        Assert.Equal(initial.Rows, model.Labels.Distinct().Count());
    }

    [Theory]
    [InlineData("blobs")]
    [InlineData("overlapping")]
    public void K_means_plus_plus_seeding_is_a_valid_centre_set_whose_potential_is_in_scikit_learns_range(string name)
    {
        var golden = ClusteringGolden.Case(ClusteringGolden.KMeans, "kmeans_plusplus", name);
        var data = ClusteringGolden.Data(ClusteringGolden.KMeans, golden);
        int k = golden["k"]!.GetValue<int>();
        var sklearnPotentials = ClusteringGolden.Doubles(golden["seeding_potentials"]!);
        var sklearnInertias = ClusteringGolden.Doubles(golden["final_inertias"]!);

        var potentials = new List<double>();
        var inertias = new List<double>();
        for (int seed = 0; seed < sklearnPotentials.Length; seed++)
        {
            var rows = KMeansPlusPlusSeeding.ChooseRows(data.Values, data.Rows, data.Columns, k,
                KMeansPlusPlusSeeding.DefaultLocalTrials(k), new RandomGenerator(seed), threads: 2);
            Assert.Equal(k, rows.Distinct().Count());
            Assert.All(rows, r => Assert.InRange(r, 0, data.Rows - 1));
            potentials.Add(Potential(data, rows));
            inertias.Add(new KMeans(new KMeansOptions { ClusterCount = k, Seed = seed, Threads = 2 }).Fit(data).Inertia);
        }

        // Different random draws, the same procedure: the averages over 30 seeds agree within a few standard errors.
        AssertSameMean(sklearnPotentials, potentials, "seeding potential");
        AssertSameMean(sklearnInertias, inertias, "final inertia");
        Assert.InRange(potentials.Min(), 0.5 * sklearnPotentials.Min(), double.PositiveInfinity);
        Assert.InRange(potentials.Max(), 0, 2 * sklearnPotentials.Max());
    }

    [Theory]
    [MemberData(nameof(SphericalCases))]
    public void From_the_same_initial_centres_spherical_k_means_matches_the_numpy_reference(string name)
    {
        var golden = ClusteringGolden.Case(ClusteringGolden.KMeans, "spherical", name);
        var data = ClusteringGolden.Data(ClusteringGolden.KMeans, golden);
        var initial = ClusteringGolden.Matrix(golden["initial_centers"]!);
        var model = new SphericalKMeans(new SphericalKMeansOptions { ClusterCount = initial.Rows, InitialCenters = initial, Threads = 2 }).Fit(data);

        Assert.Equal(ClusteringGolden.Ints(golden["labels"]!), model.Labels);
        Assert.Equal(golden["iterations"]!.GetValue<int>(), model.Iterations);
        double objective = golden["objective"]!.GetValue<double>();
        Assert.True(Math.Abs(model.Objective - objective) <= 1e-5 * objective, $"objective {model.Objective} vs {objective}");
        var centers = ClusteringGolden.DoubleMatrix(golden["centers"]!);
        for (int c = 0; c < model.ClusterCount; c++)
        {
            for (int f = 0; f < model.Columns; f++)
            {
                Assert.Equal(centers[c, f], model.Centers.Row(c)[f], 1e-5);
            }
        }
    }

    private static double Potential(DeepClustering.Data.DataMatrix data, int[] rows)
    {
        double total = 0;
        for (int i = 0; i < data.Rows; i++)
        {
            double best = double.PositiveInfinity;
            foreach (int r in rows)
            {
                double d = 0;
                for (int f = 0; f < data.Columns; f++)
                {
                    double diff = (double)data.Row(i)[f] - data.Row(r)[f];
                    d += diff * diff;
                }

                best = Math.Min(best, d);
            }

            total += best;
        }

        return total;
    }

    private static void AssertSameMean(double[] reference, List<double> ours, string what)
    {
        double referenceMean = reference.Average(), oursMean = ours.Average();
        double referenceSd = Math.Sqrt(reference.Select(v => (v - referenceMean) * (v - referenceMean)).Sum() / (reference.Length - 1));
        double oursSd = Math.Sqrt(ours.Select(v => (v - oursMean) * (v - oursMean)).Sum() / (ours.Count - 1));
        double standardError = Math.Sqrt(referenceSd * referenceSd / reference.Length + oursSd * oursSd / ours.Count);
        Assert.True(Math.Abs(oursMean - referenceMean) <= 4 * standardError + 1e-9 * referenceMean,
            $"{what}: mean {oursMean} (sd {oursSd}) vs scikit-learn's {referenceMean} (sd {referenceSd})");
    }

    /// <summary>Nearest-centre labels for given centres, through the same pass k-means uses.</summary>
    private sealed class KMeansModelProbe(DeepClustering.Data.DataMatrix centers)
    {
        public int[] Predict(DeepClustering.Data.DataMatrix data)
        {
            var labels = new int[data.Rows];
            var pass = new NearestCenterPass(1);
            pass.Assign(data.Values, data.Rows, data.Columns, centers.Values, centers.Rows, labels, null);
            return labels;
        }
    }
}
