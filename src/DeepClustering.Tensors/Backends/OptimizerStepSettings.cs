namespace DeepClustering.Tensors.Backends;

/// <summary>The hyper-parameters of one SGD step, as the backend needs them.</summary>
/// <param name="LearningRate">Step size.</param>
/// <param name="Momentum">Momentum factor; 0 turns momentum off.</param>
/// <param name="WeightDecay">L2 penalty added to the gradient.</param>
/// <param name="Nesterov">Use Nesterov momentum.</param>
/// <param name="FirstStep">True on the parameter's first step, when the velocity starts as the gradient.</param>
public readonly record struct SgdStepSettings(float LearningRate, float Momentum, float WeightDecay, bool Nesterov, bool FirstStep);

/// <summary>The hyper-parameters of one Adam step, as the backend needs them.</summary>
/// <param name="LearningRate">Step size.</param>
/// <param name="Beta1">Decay of the first-moment estimate.</param>
/// <param name="Beta2">Decay of the second-moment estimate.</param>
/// <param name="Epsilon">Added to the denominator.</param>
/// <param name="WeightDecay">L2 penalty (Adam) or decoupled decay (AdamW).</param>
/// <param name="Decoupled">Apply weight decay as AdamW does.</param>
/// <param name="Step">The step number, starting at 1, for bias correction.</param>
public readonly record struct AdamStepSettings(
    float LearningRate, float Beta1, float Beta2, float Epsilon, float WeightDecay, bool Decoupled, int Step);
