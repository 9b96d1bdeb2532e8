using DeepClustering.Networks;
using DeepClustering.Networks.Managed;

namespace DeepClustering.Tests.Networks;

public class AutoencoderParameterShapesTests
{
    public static TheoryData<AutoencoderArchitecture> Architectures => new()
    {
        new AutoencoderArchitecture(AutoencoderKind.Dense, [12], 3, [8], HiddenActivation.ReLU),
        new AutoencoderArchitecture(AutoencoderKind.Dense, [7], 2, [], HiddenActivation.Tanh),
        new AutoencoderArchitecture(AutoencoderKind.Dense, [20], 4, [16, 9, 5], HiddenActivation.LeakyReLU),
        new AutoencoderArchitecture(AutoencoderKind.StackedSparse, [12], 3, [6], HiddenActivation.Sigmoid, 0.05, 1e-5),
        new AutoencoderArchitecture(AutoencoderKind.StackedSparse, [10], 2, [8, 6, 4], HiddenActivation.Sigmoid),
        new AutoencoderArchitecture(AutoencoderKind.Convolutional, [1, 28, 28], 10, [], HiddenActivation.ReLU),
        new AutoencoderArchitecture(AutoencoderKind.Convolutional, [3, 16, 16], 5, [], HiddenActivation.ReLU),
        new AutoencoderArchitecture(AutoencoderKind.KwonLee, [1, 28, 28], 10, [], HiddenActivation.ReLU),
        new AutoencoderArchitecture(AutoencoderKind.KwonLee, [2, 12, 14], 4, [], HiddenActivation.Sigmoid),
    };

    [Theory]
    [MemberData(nameof(Architectures))]
    public void The_computed_shapes_are_those_of_the_built_network(AutoencoderArchitecture architecture)
    {
        using var network = new ManagedNetworkBackend(threads: 1).Create(architecture, ComputeDevice.Cpu, seed: 1);

        var built = network.GetParameters().Select(p => (p.Name, Shape: string.Join(",", p.Shape.ToArray()))).ToList();
        var computed = AutoencoderParameterShapes.For(architecture).Select(p => (p.Name, Shape: string.Join(",", p.Shape))).ToList();

        Assert.Equal(built, computed);
    }

    [Theory]
    [InlineData(AutoencoderKind.Dense, new[] { 12 }, 0, new[] { 8 }, "EmbeddingDimension is 0")]
    [InlineData(AutoencoderKind.Dense, new[] { 12 }, 3, new[] { -1 }, "HiddenWidths[0] is -1")]
    [InlineData(AutoencoderKind.StackedSparse, new[] { 12 }, 3, new int[0], "needs at least one hidden width")]
    [InlineData(AutoencoderKind.Convolutional, new[] { 1, 4, 4 }, 3, new int[0], "at least 8×8")]
    [InlineData(AutoencoderKind.Convolutional, new[] { 1, 28, 28 }, 3, new[] { 5 }, "has no hidden widths")]
    [InlineData(AutoencoderKind.KwonLee, new[] { 784 }, 3, new int[0], "takes [channels, height, width]")]
    [InlineData(AutoencoderKind.Convolutional, new[] { 1, 16777216, 16777216 }, 3, new int[0], "too large")]
    public void An_architecture_that_cannot_be_built_is_refused_saying_why(AutoencoderKind kind, int[] inputShape, int embedding, int[] hidden, string fragment)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            AutoencoderParameterShapes.For(new AutoencoderArchitecture(kind, inputShape, embedding, hidden, HiddenActivation.ReLU)));

        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_widths_give_shapes_without_allocating_them()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var shapes = AutoencoderParameterShapes.For(new AutoencoderArchitecture(AutoencoderKind.Dense, [784], 10, [46000, 46000], HiddenActivation.ReLU));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(46000L * 46000, shapes.Single(s => s.Name == "encoder.2.weight").ElementCount);
        Assert.True(allocated < 1 << 20, $"{allocated} bytes");
    }
}
