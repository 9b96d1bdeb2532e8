using DeepClustering.Manifold.Objectives;

namespace DeepClustering.Manifold.Optimization;

/// <summary>
/// t-SNE's optimiser, scikit-learn's <c>_gradient_descent</c>: gradient descent with momentum and per-parameter
/// gains (Jacobs' delta-bar-delta, as in van der Maaten's code). Each call is one stage, starting from zero updates
/// and unit gains; every <see cref="CheckInterval"/> steps the objective is computed and the stage stops when it
/// has not improved for the allowed number of steps or when the gain-scaled gradient's norm is small enough.
/// </summary>
internal static class GainsGradientDescent
{
    /// <summary>Steps between convergence checks (scikit-learn's <c>_N_ITER_CHECK = 50</c>).</summary>
    internal const int CheckInterval = 50;

    /// <summary>Added to a gain whose parameter keeps moving the same way (scikit-learn's 0.2).</summary>
    internal const double GainIncrease = 0.2;

    /// <summary>Factor on a gain whose parameter turned (scikit-learn's 0.8).</summary>
    internal const double GainDecrease = 0.8;

    /// <summary>The smallest gain (scikit-learn's <c>min_gain=0.01</c>).</summary>
    internal const double MinGain = 0.01;

    /// <summary>
    /// One step in place: a gain grows by 0.2 where the update and the gradient have opposite signs (the step keeps
    /// going downhill) and shrinks by 0.8 elsewhere, floored at 0.01; the gradient is scaled by the gains, then
    /// update = momentum·update − learningRate·gradient and parameters += update.
    /// </summary>
    public static void Step(Span<double> parameters, Span<double> update, Span<double> gains, Span<double> gradient,
        double momentum, double learningRate)
    {
        for (int e = 0; e < parameters.Length; e++)
        {
            double gain = update[e] * gradient[e] < 0.0 ? gains[e] + GainIncrease : gains[e] * GainDecrease;
            gain = Math.Max(gain, MinGain);
            gains[e] = gain;
            gradient[e] *= gain;
            update[e] = momentum * update[e] - learningRate * gradient[e];
            parameters[e] += update[e];
        }
    }

    /// <summary>
    /// Runs steps <c>FirstIteration</c> to <c>EndIteration − 1</c> of one stage (fewer when it converges) and returns
    /// the last objective computed and the index of the last step taken; <paramref name="onCheck"/> gets the step
    /// index, the objective and the gradient norm whenever the objective was computed.
    /// </summary>
    public static (double Error, int LastIteration) RunStage(ITsneObjective objective, double[] parameters, in StageSettings settings,
        Action<int, double, double>? onCheck, CancellationToken cancellationToken)
    {
        var update = new double[parameters.Length];
        var gains = new double[parameters.Length];
        var gradient = new double[parameters.Length];
        Array.Fill(gains, 1.0);
        double error = double.MaxValue, bestError = double.MaxValue;
        int bestIteration = settings.FirstIteration, iteration = settings.FirstIteration;
        for (iteration = settings.FirstIteration; iteration < settings.EndIteration; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool check = (iteration + 1) % CheckInterval == 0;
            bool computeError = check || iteration == settings.EndIteration - 1;
            error = objective.Evaluate(parameters, gradient, settings.Exaggeration, computeError);
            Step(parameters, update, gains, gradient, settings.Momentum, settings.LearningRate);
            if (!check)
            {
                if (computeError)
                {
                    onCheck?.Invoke(iteration, error, Norm(gradient));
                }

                continue;
            }

            double gradientNorm = Norm(gradient);
            onCheck?.Invoke(iteration, error, gradientNorm);
            if (error < bestError)
            {
                bestError = error;
                bestIteration = iteration;
            }
            else if (iteration - bestIteration > settings.IterationsWithoutProgress)
            {
                break;
            }

            if (gradientNorm <= settings.MinGradientNorm)
            {
                break;
            }
        }

        if (!double.IsFinite(error))
        {
            throw new InvalidOperationException(
                $"The t-SNE objective became {error} at step {iteration + 1}; lower the learning rate or check the data.");
        }

        return (error, Math.Min(iteration, settings.EndIteration - 1));
    }

    /// <summary>The Euclidean norm.</summary>
    internal static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>One stage's settings.</summary>
    /// <param name="FirstIteration">The index of the stage's first step (scikit-learn's <c>it</c>).</param>
    /// <param name="EndIteration">One past the index of the stage's last step (<c>n_iter</c>).</param>
    /// <param name="Momentum">The momentum of the update.</param>
    /// <param name="LearningRate">The step size.</param>
    /// <param name="Exaggeration">The factor on the input affinities.</param>
    /// <param name="IterationsWithoutProgress">Steps since the best objective after which the stage stops.</param>
    /// <param name="MinGradientNorm">The stage stops when the gain-scaled gradient's norm falls to this at a check.</param>
    internal readonly record struct StageSettings(int FirstIteration, int EndIteration, double Momentum, double LearningRate,
        double Exaggeration, int IterationsWithoutProgress, double MinGradientNorm);
}
