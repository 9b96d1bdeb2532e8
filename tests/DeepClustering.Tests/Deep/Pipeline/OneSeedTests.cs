using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.Tests.Pipeline;

/// <summary>The builder's seed drives every random choice; a component keeps its own seed only when it was set explicitly.</summary>
public sealed class OneSeedTests
{
    private static readonly AutoencoderArchitecture SmallDense = new(AutoencoderKind.Dense, [12], 3, [24], HiddenActivation.ReLU);

    [Fact]
    public void Options_know_whether_their_seed_was_set()
    {
        Assert.False(new KMeansOptions().HasExplicitSeed);
        Assert.True(new KMeansOptions { Seed = 0 }.HasExplicitSeed);
        Assert.False(new GaussianMixtureOptions().HasExplicitSeed);
        Assert.False(new SphericalKMeansOptions().HasExplicitSeed);
        Assert.False(new AutoencoderTrainingOptions().HasExplicitSeed);
        Assert.True(new AutoencoderTrainingOptions { Seed = 4 }.HasExplicitSeed);
    }

    [Fact]
    public void A_seeded_copy_keeps_every_other_option()
    {
        var kMeans = new KMeans(new KMeansOptions { ClusterCount = 3, InitializationCount = 7, MaxIterations = 11, Threads = 1 });

        var copy = Assert.IsType<KMeans>(kMeans.WithSeed(42));

        Assert.Equal(kMeans.Options with { Seed = 42 }, copy.Options);
        Assert.True(copy.HasExplicitSeed);
        Assert.Equal(42, Assert.IsType<GaussianMixture>(new GaussianMixture().WithSeed(42)).Options.Seed);
        Assert.Equal(42, Assert.IsType<SphericalKMeans>(new SphericalKMeans().WithSeed(42)).Options.Seed);
    }

    [Theory]
    [InlineData(false, 9L)]
    [InlineData(true, 4L)]
    public void The_initial_clusterer_gets_the_builders_seed_unless_it_has_its_own(bool explicitSeed, long expected)
    {
        var (data, _) = SeparatedBlobs.Create(seed: 1);
        var options = explicitSeed ? new KMeansOptions { ClusterCount = 4, Seed = 4, Threads = 1 } : new KMeansOptions { ClusterCount = 4, Threads = 1 };
        var clusterer = new RecordingClusterer(new KMeans(options));

        using var model = Builder(clusterer, seed: 9).Fit(data);

        Assert.Equal(expected, clusterer.FittedWithSeed);
    }

    [Fact]
    public void An_unseeded_k_means_in_the_builder_is_the_same_as_one_given_the_builders_seed()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 2);

        using var unseeded = Builder(new KMeans(new KMeansOptions { ClusterCount = 4, Threads = 1 }), seed: 9).Fit(data);
        using var seeded = Builder(new KMeans(new KMeansOptions { ClusterCount = 4, Threads = 1, Seed = 9 }), seed: 9).Fit(data);

        Assert.Equal(seeded.Labels, unseeded.Labels);
        Assert.Equal(seeded.Centers.Values, unseeded.Centers.Values);
    }

    private static DeepClusteringBuilder Builder(IClusterer clusterer, long seed) => new DeepClusteringBuilder()
        .WithEncoder(SmallDense)
        .WithPretraining(new AutoencoderTrainingOptions { Epochs = 2, BatchSize = 32 })
        .WithClusterer(clusterer)
        .OnDevice(ComputeDevice.Cpu, threads: 1)
        .WithSeed(seed);

    /// <summary>Wraps k-means and records the seed of the k-means that actually ran.</summary>
    private sealed class RecordingClusterer(KMeans inner) : ISeededClusterer
    {
        private readonly Box _box = new();

        private RecordingClusterer(KMeans inner, Box box)
            : this(inner) => _box = box;

        public long? FittedWithSeed => _box.Seed;

        public string Name => inner.Name;

        public bool HasExplicitSeed => inner.HasExplicitSeed;

        public IClusterer WithSeed(long seed) => new RecordingClusterer((KMeans)inner.WithSeed(seed), _box);

        public IClusteringModel Fit(DataMatrix data, CancellationToken cancellationToken = default)
        {
            _box.Seed = inner.Options.Seed;
            return inner.Fit(data, cancellationToken);
        }

        private sealed class Box
        {
            public long? Seed { get; set; }
        }
    }
}
