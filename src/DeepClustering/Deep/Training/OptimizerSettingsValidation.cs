using DeepClustering.Networks;

namespace DeepClustering.Training;

/// <summary>
/// The checks shared by the options that choose an optimizer (<see cref="AutoencoderTrainingOptions"/>,
/// <see cref="Refiners.Dec.DecRefinerOptions"/>): each throws naming the option.
/// </summary>
internal static class OptimizerSettingsValidation
{
    /// <summary>Refuses an optimizer kind that is not defined, a learning rate that is not positive and finite, and a momentum outside [0, 1) or given for another optimizer than SGD.</summary>
    /// <param name="optimizer">The optimizer that will run.</param>
    /// <param name="learningRate">The step size given, or null for the default.</param>
    /// <param name="momentum">The momentum given, or null for the default.</param>
    public static void Check(OptimizerKind optimizer, float? learningRate, float? momentum)
    {
        if (!Enum.IsDefined(optimizer))
        {
            throw new ArgumentOutOfRangeException("Optimizer", optimizer, "Unknown optimizer.");
        }

        if (learningRate is { } rate && (!(rate > 0f) || !float.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException("LearningRate", rate, "The learning rate must be positive and finite.");
        }

        if (momentum is { } value)
        {
            if (!(value >= 0f && value < 1f))
            {
                throw new ArgumentOutOfRangeException("Momentum", value, "Momentum must be in [0, 1).");
            }

            if (optimizer != OptimizerKind.Sgd)
            {
                throw new ArgumentException($"Momentum applies to SGD only; the optimizer is {optimizer}.", "Momentum");
            }
        }
    }
}
