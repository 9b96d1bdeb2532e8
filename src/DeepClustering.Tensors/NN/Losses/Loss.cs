using DeepClustering.Tensors.Backends;

namespace DeepClustering.Tensors.NN.Losses;

/// <summary>
/// A loss over a batch: <see cref="Forward"/> returns its value and keeps its gradient with respect to the
/// prediction, which <see cref="Backward"/> returns (a tensor owned by the loss).
/// </summary>
public abstract class Loss
{
    private Tensor? _gradient;

    /// <summary>Creates a loss whose tensors live on <paramref name="backend"/>.</summary>
    protected Loss(IComputeBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Backend = backend;
    }

    /// <summary>The backend that runs the loss.</summary>
    public IComputeBackend Backend { get; }

    /// <summary>Computes the loss of <paramref name="prediction"/> against <paramref name="target"/> (same shape).</summary>
    public double Forward(Tensor prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        TensorShape.RequireSame(prediction, target, nameof(target));
        if (_gradient is null)
        {
            _gradient = new Tensor(Backend, prediction.Shape.ToArray());
        }
        else
        {
            _gradient.Resize(prediction.Shape);
        }

        return Compute(prediction, target, _gradient);
    }

    /// <summary>The gradient of the last <see cref="Forward"/> with respect to the prediction.</summary>
    public Tensor Backward() => _gradient ?? throw new InvalidOperationException("Backward was called before Forward.");

    /// <summary>Computes the value and writes the gradient.</summary>
    protected abstract double Compute(Tensor prediction, Tensor target, Tensor gradient);
}
