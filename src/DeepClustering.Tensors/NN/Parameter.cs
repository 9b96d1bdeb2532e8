namespace DeepClustering.Tensors.NN;

/// <summary>A trainable tensor together with its gradient.</summary>
public sealed class Parameter
{
    private bool _gradientIsCleared = true;

    /// <summary>Creates a parameter around <paramref name="value"/>, with a gradient of the same shape.</summary>
    public Parameter(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        RawGradient = new Tensor(value.Backend, value.Shape.ToArray());
    }

    /// <summary>The parameter's values.</summary>
    public Tensor Value { get; }

    /// <summary>
    /// The gradient accumulated since the last <see cref="ZeroGradient"/>; zeros when nothing was accumulated.
    /// </summary>
    public Tensor Gradient
    {
        get
        {
            if (_gradientIsCleared)
            {
                RawGradient.Backend.Fill(RawGradient, 0f);
                _gradientIsCleared = false;
            }

            return RawGradient;
        }
    }

    /// <summary>Whether optimizers update this parameter and layers compute its gradient (false freezes it).</summary>
    public bool RequiresGradient { get; set; } = true;

    /// <summary>The gradient buffer without clearing it.</summary>
    internal Tensor RawGradient { get; }

    /// <summary>Clears the gradient. The buffer is not touched until the next write, which overwrites instead of adding.</summary>
    public void ZeroGradient() => _gradientIsCleared = true;

    /// <summary>
    /// Called by a layer about to write this parameter's gradient: true when it must add to the buffer, false
    /// when it may overwrite it (the gradient was cleared since the last write).
    /// </summary>
    internal bool BeginGradientWrite()
    {
        bool accumulate = !_gradientIsCleared;
        _gradientIsCleared = false;
        return accumulate;
    }
}
