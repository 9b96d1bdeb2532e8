using DeepClustering.Tensors.NN.Activations;
using DeepClustering.Tensors.NN.Convolution;
using DeepClustering.Tensors.NN.Layers;
using DeepClustering.Tensors.NN.Regularization;
using TorchSharp;
using static TorchSharp.torch;
using Managed = DeepClustering.Tensors.NN;

namespace DeepClustering.TorchSharp;

/// <summary>
/// Builds the TorchSharp twin of a managed-engine Sequential, layer for layer at the same positions (so parameters
/// carry the same names, <c>0.weight</c>, <c>3.bias</c>, …) and with the same values: the library's architectures are
/// defined once, and a seed gives the same initial weights on both backends.
/// </summary>
internal static class ModuleTranslation
{
    /// <summary>The twin of <paramref name="sequential"/>, on the CPU; the caller moves it to its device.</summary>
    public static nn.Module<Tensor, Tensor> ToTorch(Sequential sequential)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        foreach (var (name, module) in sequential.NamedChildren())
        {
            modules.Add((name, ToTorch(module)));
        }

        return nn.Sequential(modules);
    }

    private static nn.Module<Tensor, Tensor> ToTorch(Managed.Module module)
    {
        switch (module)
        {
            case Linear linear:
                var torchLinear = nn.Linear(linear.InputFeatures, linear.OutputFeatures, hasBias: linear.Bias is not null);
                Copy(linear.Weight, torchLinear.weight!);
                Copy(linear.Bias, torchLinear.bias);
                return torchLinear;
            case Conv2d conv:
                var torchConv = nn.Conv2d(conv.InputChannels, conv.OutputChannels, conv.KernelSize, stride: conv.Stride, padding: conv.Padding,
                    bias: conv.Bias is not null);
                Copy(conv.Weight, torchConv.weight!);
                Copy(conv.Bias, torchConv.bias);
                return torchConv;
            case ConvTranspose2d transposed:
                var torchTransposed = nn.ConvTranspose2d(transposed.InputChannels, transposed.OutputChannels, transposed.KernelSize,
                    stride: transposed.Stride, padding: transposed.Padding, output_padding: transposed.OutputPadding, bias: transposed.Bias is not null);
                Copy(transposed.Weight, torchTransposed.weight!);
                Copy(transposed.Bias, torchTransposed.bias);
                return torchTransposed;
            case ReLU:
                return nn.ReLU();
            case Sigmoid:
                return nn.Sigmoid();
            case Tanh:
                return nn.Tanh();
            case LeakyReLU leaky:
                return nn.LeakyReLU(leaky.NegativeSlope);
            case Flatten:
                return nn.Flatten();
            case Reshape reshape:
                return nn.Unflatten(1, reshape.SampleShape.ToArray().Select(d => (long)d).ToArray());
            case Dropout dropout:
                return nn.Dropout(dropout.Probability);
            case KlSparsityRegularizer sparsity:
                return new SparsityPenaltyProbe(sparsity.TargetActivation, sparsity.Weight, sparsity.Epsilon);
            case Sequential inner:
                return ToTorch(inner);
            default:
                throw new NotSupportedException(
                    $"The managed layer {module.GetType().Name} has no TorchSharp twin here; compose the network from TorchSharp modules instead.");
        }
    }

    private static void Copy(Managed.Parameter? source, Tensor? target)
    {
        if (source is null || target is null)
        {
            return;
        }

        using var _ = no_grad();
        using var values = tensor(source.Value.ToArray(), source.Value.Shape.ToArray().Select(d => (long)d).ToArray());
        target.copy_(values);
    }
}
