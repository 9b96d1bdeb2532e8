using DeepClustering.Networks;
using static TorchSharp.torch;
using TorchLinear = TorchSharp.Modules.Linear;

namespace DeepClustering.TorchSharp;

/// <summary>
/// The stacked sparse autoencoder on TorchSharp, with its rungs for greedy layer-wise pretraining: rung k is built of
/// the stack's own modules, so training it trains the stack, exactly as on the managed engine.
/// </summary>
/// <remarks>
/// The stack's layout is the managed one, translated position for position: the encoder holds, per hidden layer,
/// Linear, Sigmoid and the sparsity probe (3k, 3k + 1, 3k + 2), then the linear embedding layer; the decoder holds,
/// innermost first, Linear and Sigmoid per rung (2j, 2j + 1 for rung k = rungs − 1 − j), the outermost rung's Linear
/// last and without a sigmoid.
/// </remarks>
internal sealed class TorchSharpStackedAutoencoderNetwork : TorchSharpAutoencoderNetwork, IStackedAutoencoderNetwork
{
    public TorchSharpStackedAutoencoderNetwork(AutoencoderModule module, string name, int[] inputShape, int embeddingDimension,
        AutoencoderArchitecture architecture, ComputeDevice device)
        : base(module, name, inputShape, embeddingDimension, architecture, device)
    {
        RungCount = architecture.HiddenWidths.Length + 1;
    }

    /// <inheritdoc />
    public int RungCount { get; }

    /// <inheritdoc />
    public IAutoencoderNetwork Rung(int index, bool logitOutput)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RungCount);
        var encoderParts = Module.Encoder.children().Cast<nn.Module<Tensor, Tensor>>().ToArray();
        var decoderParts = Module.Decoder.children().Cast<nn.Module<Tensor, Tensor>>().ToArray();
        bool inner = index + 1 < RungCount;
        var encoder = new List<(string, nn.Module<Tensor, Tensor>)> { ("0", encoderParts[3 * index]) };
        if (inner)
        {
            encoder.Add(("1", encoderParts[(3 * index) + 1]));
            encoder.Add(("2", encoderParts[(3 * index) + 2]));
        }

        int decoderAt = 2 * (RungCount - 1 - index);
        var decoder = new List<(string, nn.Module<Tensor, Tensor>)> { ("0", decoderParts[decoderAt]) };
        if (index > 0 && !logitOutput)
        {
            decoder.Add(("1", decoderParts[decoderAt + 1]));
        }

        var linear = (TorchLinear)encoderParts[3 * index];
        var rung = new AutoencoderModule(nn.Sequential(encoder), nn.Sequential(decoder));

        // The rung shares the stack's modules and so never disposes them; its two Sequential wrappers hold no tensors.
        return new TorchSharpAutoencoderNetwork(rung, "sparse-layer", [checked((int)linear.in_features)], checked((int)linear.out_features),
            architecture: null, Device, ownsModule: false);
    }
}
