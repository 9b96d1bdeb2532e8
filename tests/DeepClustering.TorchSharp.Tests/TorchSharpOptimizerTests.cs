using DeepClustering.Networks;
using DeepClustering.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepClustering.TorchSharp.Tests;

/// <summary>The backend's own Adam and SGD take PyTorch's steps: checked against TorchSharp's torch.optim on the same gradients.</summary>
public sealed class TorchSharpOptimizerTests
{
    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0)]
    [InlineData(OptimizerKind.Sgd, 0.0)]
    [InlineData(OptimizerKind.Sgd, 0.9)]
    public void Five_steps_match_torch_optim_on_the_same_gradients(OptimizerKind kind, double momentum)
    {
        manual_seed(4);
        using var ours = nn.Linear(5, 3);
        using var theirs = nn.Linear(5, 3);
        using (no_grad())
        {
            theirs.weight!.copy_(ours.weight!);
            theirs.bias!.copy_(ours.bias!);
        }

        using var input = randn(8, 5);
        using var optimizer = new TorchSharpOptimizer(ours.parameters(), kind, learningRate: 0.05, momentum, epsilon: 1e-8);
        using optim.Optimizer reference = kind == OptimizerKind.Adam
            ? optim.Adam(theirs.parameters(), 0.05, beta1: 0.9, beta2: 0.999, eps: 1e-8)
            : optim.SGD(theirs.parameters(), 0.05, momentum: momentum);
        for (int step = 0; step < 5; step++)
        {
            using (var scope = NewDisposeScope())
            {
                optimizer.ZeroGradients();
                ours.forward(input).square().sum().backward();
                optimizer.Step();
                reference.zero_grad();
                theirs.forward(input).square().sum().backward();
                reference.step();
            }

            AssertSame(theirs.weight!, ours.weight!, $"weight after step {step + 1}");
            AssertSame(theirs.bias!, ours.bias!, $"bias after step {step + 1}");
        }
    }

    [Fact]
    public void A_parameter_without_a_gradient_is_left_alone()
    {
        using var trained = nn.Linear(2, 2);
        using var untouched = nn.Linear(2, 2);
        var before = untouched.weight!.detach().clone().data<float>().ToArray();
        using var optimizer = new TorchSharpOptimizer(trained.parameters().Concat(untouched.parameters()), OptimizerKind.Adam, 0.1, 0, 1e-8);
        using (var scope = NewDisposeScope())
        {
            optimizer.ZeroGradients();
            trained.forward(ones(1, 2)).sum().backward();
            optimizer.Step();
        }

        Assert.Equal(before, untouched.weight!.detach().data<float>().ToArray());
    }

    private static void AssertSame(Tensor expected, Tensor actual, string what)
    {
        var e = expected.detach().data<float>().ToArray();
        var a = actual.detach().data<float>().ToArray();
        for (int i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= 1e-6 * Math.Max(1, Math.Abs(e[i])), $"{what}[{i}]: {e[i]:R} against {a[i]:R}");
        }
    }
}
