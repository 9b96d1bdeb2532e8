using DeepClustering.Tensors.NN;

namespace DeepClustering.Tensors.Optimizers;

/// <summary>Updates a fixed list of parameters from their gradients.</summary>
public abstract class Optimizer
{
    /// <summary>Creates an optimizer over <paramref name="parameters"/>.</summary>
    protected Optimizer(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToList();
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("An optimizer needs at least one parameter.", nameof(parameters));
        }

        if (Parameters.Distinct().Count() != Parameters.Count)
        {
            throw new ArgumentException("A parameter appears more than once.", nameof(parameters));
        }
    }

    /// <summary>The parameters this optimizer updates, in order.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The step size; may be changed between steps (learning-rate schedules).</summary>
    public abstract float LearningRate { get; set; }

    /// <summary>Steps taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Updates every parameter that requires a gradient.</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].RequiresGradient)
            {
                Update(i, Parameters[i]);
            }
        }
    }

    /// <summary>Clears the gradients of every parameter.</summary>
    public void ZeroGradient()
    {
        // An index loop: foreach over the IReadOnlyList interface boxes an enumerator on every training step.
        for (int i = 0; i < Parameters.Count; i++)
        {
            Parameters[i].ZeroGradient();
        }
    }

    /// <summary>Updates parameter number <paramref name="index"/>.</summary>
    protected abstract void Update(int index, Parameter parameter);

    /// <summary>Validates a learning rate.</summary>
    protected static float CheckLearningRate(float value, string name) =>
        value > 0f && float.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "The learning rate must be positive and finite.");
}
