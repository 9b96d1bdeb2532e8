using DeepClustering.Encoders;
using DeepClustering.Refiners.Dec;
using DeepClustering.Tensors.Backends.Cpu;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>The refresh: Q of every embedding, P from that whole Q (not per batch), and the hard labels argmax Q.</summary>
public sealed class DecTargetsTests : IDisposable
{
    private readonly CpuBackend _backend = new(new CpuBackendOptions { Threads = 1 });

    public void Dispose() => _backend.Dispose();

    [Fact]
    public void A_refresh_computes_p_and_the_labels_from_the_q_of_the_whole_data_set()
    {
        var scenario = DecScenario.Create(_backend, separation: 2.0, kMeansIterations: 1, seed: 2);
        int rows = scenario.Inputs.Size(0), clusters = scenario.ClusterCount, dimension = scenario.Encoder.EmbeddingDimension;
        var layer = new ClusteringLayer(_backend, clusters, dimension);
        layer.SetCenters(scenario.InitialCenters);
        var targets = new DecTargets(layer, rows);
        var labels = new int[rows];

        targets.Refresh(scenario.Encoder, scenario.Inputs, labels);

        var q = new float[rows * clusters];
        StudentTAssignment.Compute(scenario.Encoder.Embed(scenario.Inputs), scenario.InitialCenters, dimension, layer.Alpha, q);
        var p = new float[q.Length];
        TargetDistribution.Compute(q, clusters, p);
        Assert.Equal(p, targets.Target.ToArray());
        Assert.Equal(HardLabels.FromAssignments(q, clusters), labels);

        // The frequencies f_j are the whole data set's: P of the first 64 rows alone differs.
        var batchP = new float[64 * clusters];
        TargetDistribution.Compute(q.AsSpan(0, 64 * clusters), clusters, batchP);
        Assert.NotEqual(batchP, targets.Target.ToArray().AsSpan(0, 64 * clusters).ToArray());
    }
}
