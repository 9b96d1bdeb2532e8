using TorchSharp;
using static TorchSharp.torch;

namespace DeepClustering.TorchSharp;

/// <summary>An encoder and a decoder registered as <c>encoder</c> and <c>decoder</c>, so that parameters are named as in the managed engine and in PyTorch.</summary>
internal sealed class AutoencoderModule : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, SA1307 // TorchSharp registers submodules under their field names.
    private readonly nn.Module<Tensor, Tensor> encoder;
    private readonly nn.Module<Tensor, Tensor> decoder;
#pragma warning restore IDE1006, SA1307

    public AutoencoderModule(nn.Module<Tensor, Tensor> encoder, nn.Module<Tensor, Tensor> decoder)
        : base(nameof(AutoencoderModule))
    {
        this.encoder = encoder;
        this.decoder = decoder;
        RegisterComponents();
    }

    public nn.Module<Tensor, Tensor> Encoder => encoder;

    public nn.Module<Tensor, Tensor> Decoder => decoder;

    public override Tensor forward(Tensor input) => decoder.forward(encoder.forward(input));
}
