using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.Backends;

/// <summary>
/// The one boundary between the layers and the hardware: every kernel that layers, losses and optimizers run
/// goes through a backend. The CPU backend is <see cref="Cpu.CpuBackend"/>; a GPU backend implements the same
/// contract without any change to the layers.
/// </summary>
/// <remarks>
/// Unless a method says otherwise, outputs must already have the right shape and must not alias inputs.
/// Methods whose name ends in <c>Accumulate</c>, or that take an <c>accumulate</c> flag, add into their output.
/// </remarks>
public interface IComputeBackend : IDisposable
{
    /// <summary>A short description, for example <c>CPU (2 threads, AVX-512)</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Matrix product <c>c = alpha · op(a) · op(b) + beta · c</c>, with each tensor read as a row-major matrix
    /// whose rows are its first dimension. <c>op(x)</c> is <c>xᵀ</c> when the matching flag is set.
    /// </summary>
    void MatrixMultiply(Tensor a, bool transposeA, Tensor b, bool transposeB, Tensor c, float alpha = 1f, float beta = 0f);

    /// <summary>Fully connected forward pass: <c>y = x · weightᵀ + bias</c>; x is [n, in], weight [out, in], y [n, out].</summary>
    void LinearForward(Tensor x, Tensor weight, Tensor? bias, Tensor y);

    /// <summary>
    /// Fully connected backward pass. Writes <c>dx = dy · weight</c> when <paramref name="dx"/> is given, and
    /// <c>dWeight (+)= dyᵀ · x</c> when <paramref name="dWeight"/> is given, adding when <paramref name="accumulate"/>
    /// is set. The bias gradient is <see cref="ChannelSum"/> of dy.
    /// </summary>
    void LinearBackward(Tensor dy, Tensor x, Tensor weight, Tensor? dx, Tensor? dWeight, bool accumulate);

    /// <summary>2-D cross-correlation (PyTorch's Conv2d): x [n, cIn, h, w], weight [cOut, cIn, kh, kw], y [n, cOut, oh, ow].</summary>
    void Conv2dForward(Tensor x, Tensor weight, Tensor? bias, Tensor y, ConvolutionGeometry geometry);

    /// <summary>Gradient of <see cref="Conv2dForward"/> with respect to its input: writes dx from dy.</summary>
    void Conv2dBackwardData(Tensor dy, Tensor weight, Tensor dx, ConvolutionGeometry geometry);

    /// <summary>Gradient of <see cref="Conv2dForward"/> with respect to its weights: dWeight (+)= dy ⋆ x.</summary>
    void Conv2dBackwardWeight(Tensor dy, Tensor x, Tensor dWeight, ConvolutionGeometry geometry, bool accumulate);

    /// <summary>Adds <c>bias[c]</c> to every element of channel c of <paramref name="y"/> ([n, c, …] or [n, c]).</summary>
    void AddChannelBias(Tensor y, Tensor bias);

    /// <summary><c>dBias[c] (+)= Σ</c> of channel c of <paramref name="dy"/> over the batch and positions.</summary>
    void ChannelSum(Tensor dy, Tensor dBias, bool accumulate);

    /// <summary>y = max(x, 0).</summary>
    void Relu(Tensor x, Tensor y);

    /// <summary>dx = dy where y &gt; 0, else 0 (y is the ReLU output).</summary>
    void ReluBackward(Tensor y, Tensor dy, Tensor dx);

    /// <summary>y = x for x &gt; 0, else slope · x.</summary>
    void LeakyRelu(Tensor x, float slope, Tensor y);

    /// <summary>dx = dy for x &gt; 0, else slope · dy.</summary>
    void LeakyReluBackward(Tensor x, float slope, Tensor dy, Tensor dx);

    /// <summary>y = 1 / (1 + exp(−x)).</summary>
    void Sigmoid(Tensor x, Tensor y);

    /// <summary>dx = dy · y · (1 − y) (y is the sigmoid output).</summary>
    void SigmoidBackward(Tensor y, Tensor dy, Tensor dx);

    /// <summary>y = tanh(x).</summary>
    void Tanh(Tensor x, Tensor y);

    /// <summary>dx = dy · (1 − y²) (y is the tanh output).</summary>
    void TanhBackward(Tensor y, Tensor dy, Tensor dx);

    /// <summary>
    /// Inverted dropout: each element is kept with probability 1 − p and scaled by 1 / (1 − p). Writes the
    /// scale of each element (0 or 1 / (1 − p)) into <paramref name="mask"/> and the result into y.
    /// </summary>
    void Dropout(Tensor x, float probability, RandomGenerator random, Tensor mask, Tensor y);

    /// <summary>Element-wise product z = x ⊙ y.</summary>
    void Multiply(Tensor x, Tensor y, Tensor z);

    /// <summary>Mean squared error, mean over all elements; writes its gradient with respect to prediction when given.</summary>
    double MeanSquaredError(Tensor prediction, Tensor target, Tensor? gradient);

    /// <summary>
    /// Binary cross-entropy on logits, mean over all elements, computed stably as
    /// <c>max(x, 0) − x·t + log(1 + exp(−|x|))</c>; writes its gradient <c>(σ(x) − t) / count</c> when given.
    /// </summary>
    double BinaryCrossEntropyWithLogits(Tensor logits, Tensor target, Tensor? gradient);

    /// <summary>One SGD step on a parameter (PyTorch's semantics for momentum, dampening 0, weight decay, Nesterov).</summary>
    void SgdStep(Tensor parameter, Tensor gradient, Tensor? velocity, in SgdStepSettings settings);

    /// <summary>One Adam step with bias correction (PyTorch's semantics; decoupled weight decay when AdamW is set).</summary>
    void AdamStep(Tensor parameter, Tensor gradient, Tensor firstMoment, Tensor secondMoment, in AdamStepSettings settings);

    /// <summary>
    /// Copies rows <paramref name="rows"/> of <paramref name="source"/> (rows along the first dimension) into the
    /// first rows of <paramref name="destination"/>, in order: the assembly of a shuffled mini-batch.
    /// </summary>
    void GatherRows(Tensor source, ReadOnlySpan<int> rows, Tensor destination);

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    void Fill(Tensor tensor, float value);

    /// <summary>Copies source into destination (same element count; shapes may differ).</summary>
    void Copy(Tensor source, Tensor destination);

    /// <summary>y = alpha · x + y.</summary>
    void AddScaled(float alpha, Tensor x, Tensor y);
}
