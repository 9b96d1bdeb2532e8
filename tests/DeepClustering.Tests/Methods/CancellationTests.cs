using DeepClustering.Methods;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.Tests.Methods;

public sealed class CancellationTests : IDisposable
{
    private const int StopAfter = 7;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "deepclustering-cancel-" + Guid.NewGuid().ToString("N"));

    public CancellationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Refined => ["dec", "idec", "dssec", "dekm"];

    [Theory]
    [MemberData(nameof(Refined))]
    public void Cancelled_during_the_refinement_a_fit_keeps_the_model_of_its_last_completed_step(string method)
    {
        var (data, _) = SeparatedBlobs.Create(seed: 11);
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress<DeepClusteringProgress>(p =>
        {
            if (p is { Phase: TrainingPhase.Refinement, IsRefresh: false, Step: StopAfter })
            {
                cancellation.Cancel();
            }
        });

        var stopped = Assert.Throws<FitCanceledException>(() =>
            DeepClusteringMethodTests.Create(method, seed: 0).Fit(data, progress, cancellationToken: cancellation.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(stopped);
        Assert.Equal(TrainingPhase.Refinement, stopped.Phase);
        Assert.Equal(cancellation.Token, stopped.CancellationToken);
        using var partial = stopped.PartialModel ?? throw new Xunit.Sdk.XunitException("no partial model");
        Assert.True(partial.Info.Canceled);
        Assert.Equal(StopAfter, partial.Info.RefinementIterations);
        Assert.False(partial.Info.Converged);
        Assert.Equal(data.Rows, partial.Labels.Count);

        // The kept network is the one a fit capped at the same step trains: the same embedding, bit for bit.
        var capped = DeepClusteringMethodTests.Options(method, seed: 0) switch
        {
            DecOptions o => (DeepClusteringMethod)new Dec(o with { MaxIterations = StopAfter }),
            IdecOptions o => new Idec(o with { MaxIterations = StopAfter }),
            DssecOptions o => new Dssec(o with { MaxIterations = StopAfter }),
            DekmOptions o => new Dekm(o with { MaxIterations = StopAfter }),
            _ => throw new ArgumentException(method),
        };
        using var reference = capped.Fit(data);
        Assert.Equal(reference.Transform(data).Values, partial.Transform(data).Values);
        if (method != "dekm")
        {
            // DEC's centres are trained with the network at every step; DEKM's come from its last refresh (here the initial k-means).
            Assert.Equal(reference.Centers.Values, partial.Centers.Values);
        }

        string path = Path.Combine(_folder, method + ".dclm");
        partial.Save(path);
        using var loaded = DeepClusteringModel.Load(path, threads: 1);
        Assert.True(loaded.Info.Canceled);
        Assert.Equal(partial.Predict(data), loaded.Predict(data));
    }

    [Fact]
    public void Dekm_cancelled_during_the_refinement_keeps_the_centres_and_labels_of_its_last_refresh()
    {
        // Structureless data, so that the assignments keep changing and DEKM does not converge at a refresh.
        var data = CorrelatedData.Random(160, 12, seed: 12);
        var options = (DekmOptions)DeepClusteringMethodTests.Options("dekm", seed: 0) with { UpdateInterval = 10 };
        using var cancellation = new CancellationTokenSource();
        var refreshes = new List<DeepClusteringProgress>();
        var progress = new SynchronousProgress<DeepClusteringProgress>(p =>
        {
            if (p is { Phase: TrainingPhase.Refinement, IsRefresh: true })
            {
                refreshes.Add(p);
            }

            if (p is { Phase: TrainingPhase.Refinement, IsRefresh: false, Step: 25 })
            {
                cancellation.Cancel();
            }
        });

        var stopped = Assert.Throws<FitCanceledException>(() => new Dekm(options).Fit(data, progress, cancellationToken: cancellation.Token));
        using var partial = stopped.PartialModel!;
        using var refreshedAt20 = new Dekm(options with { MaxIterations = 20 }).Fit(data);

        Assert.Equal([0, 10, 20], refreshes.Select(r => r.Step));
        Assert.Equal(25, partial.Info.RefinementIterations);
        Assert.Equal(refreshedAt20.Centers.Values, partial.Centers.Values);
        Assert.Equal(refreshedAt20.Labels, partial.Labels);
    }

    [Theory]
    [InlineData("ae-kmeans")]
    [InlineData("dec")]
    public void Cancelled_during_pretraining_a_fit_has_no_model_to_keep(string method)
    {
        var (data, _) = SeparatedBlobs.Create(seed: 13);
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress<DeepClusteringProgress>(p =>
        {
            if (p is { Phase: TrainingPhase.Pretraining, Step: 2 })
            {
                cancellation.Cancel();
            }
        });

        var stopped = Assert.Throws<FitCanceledException>(() =>
            DeepClusteringMethodTests.Create(method, seed: 0).Fit(data, progress, cancellationToken: cancellation.Token));

        Assert.Equal(TrainingPhase.Pretraining, stopped.Phase);
        Assert.Null(stopped.PartialModel);
        Assert.IsAssignableFrom<OperationCanceledException>(stopped.InnerException);
    }

    [Fact]
    public void A_token_cancelled_before_the_fit_stops_it_before_any_training()
    {
        var (data, _) = SeparatedBlobs.Create(seed: 14);
        var reports = new List<DeepClusteringProgress>();

        var stopped = Assert.Throws<FitCanceledException>(() => DeepClusteringMethodTests.Create("dekm", seed: 0)
            .Fit(data, new SynchronousProgress<DeepClusteringProgress>(reports.Add), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(TrainingPhase.Pretraining, stopped.Phase);
        Assert.Null(stopped.PartialModel);
        Assert.Empty(reports);
    }
}
