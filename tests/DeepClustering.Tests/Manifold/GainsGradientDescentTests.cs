using DeepClustering.Manifold.Objectives;
using DeepClustering.Manifold.Optimization;

namespace DeepClustering.Tests.Manifold;

/// <summary>scikit-learn's gradient descent with momentum and gains, and its stopping rules.</summary>
public class GainsGradientDescentTests
{
    [Fact]
    public void One_step_by_hand()
    {
        double[] parameters = [0, 0, 5];
        double[] update = [1, -1, 0];
        double[] gains = [1, 1, 0.011];
        double[] gradient = [-2, -3, 1];

        GainsGradientDescent.Step(parameters, update, gains, gradient, momentum: 0.5, learningRate: 10);

        // 0: update·gradient < 0 → gain 1.2, gradient −2.4, update 0.5·1 + 24 = 24.5.
        // 1: update·gradient > 0 → gain 0.8, gradient −2.4, update −0.5 + 24 = 23.5.
        // 2: update·gradient = 0 → gain 0.011·0.8 floored at 0.01, gradient 0.01, update −0.1.
        Assert.Equal([1.2, 0.8, 0.01], gains);
        Assert.Equal(-2.4, gradient[0], 1e-15);
        Assert.Equal(-2.4, gradient[1], 1e-15);
        Assert.Equal(0.01, gradient[2], 1e-15);
        Assert.Equal(24.5, update[0], 1e-13);
        Assert.Equal(23.5, update[1], 1e-13);
        Assert.Equal(-0.1, update[2], 1e-15);
        Assert.Equal([24.5, 23.5, 4.9], parameters.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void A_stage_without_progress_stops_at_the_first_check_past_the_allowed_steps()
    {
        // Constant objective: the best stays at step 49; 199 − 49 = 150 > 100 is the first check past the limit.
        var settings = new GainsGradientDescent.StageSettings(0, 1000, 0.5, 1.0, 1.0, IterationsWithoutProgress: 100, MinGradientNorm: 0);
        var checks = new List<int>();

        var (error, last) = GainsGradientDescent.RunStage(new FakeObjective(1.0, 1.0), new double[4], settings, (i, _, _) => checks.Add(i), CancellationToken.None);

        Assert.Equal(199, last);
        Assert.Equal(1.0, error);
        Assert.Equal([49, 99, 149, 199], checks);
    }

    [Fact]
    public void A_stage_stops_when_the_gradient_norm_falls_to_the_minimum()
    {
        var settings = new GainsGradientDescent.StageSettings(250, 1000, 0.8, 1.0, 1.0, 300, MinGradientNorm: 1e-7);

        var (_, last) = GainsGradientDescent.RunStage(new FakeObjective(1.0, 0.0), new double[4], settings, null, CancellationToken.None);

        Assert.Equal(299, last);
    }

    [Fact]
    public void A_stage_runs_to_its_end_while_the_objective_falls_and_reports_its_last_step()
    {
        var settings = new GainsGradientDescent.StageSettings(0, 120, 0.5, 1.0, 1.0, 30, 0);
        var objective = new FakeObjective(1.0, 1.0) { Decreasing = true };
        var checks = new List<int>();

        var (_, last) = GainsGradientDescent.RunStage(objective, new double[2], settings, (i, _, _) => checks.Add(i), CancellationToken.None);

        Assert.Equal(119, last);
        Assert.Equal([49, 99, 119], checks);
        Assert.Equal(3, objective.ErrorsComputed);
    }

    [Fact]
    public void A_cancelled_stage_throws()
    {
        var settings = new GainsGradientDescent.StageSettings(0, 10, 0.5, 1.0, 1.0, 30, 0);
        Assert.Throws<OperationCanceledException>(() =>
            GainsGradientDescent.RunStage(new FakeObjective(1, 1), new double[2], settings, null, new CancellationToken(canceled: true)));
    }

    private sealed class FakeObjective(double error, double gradientValue) : ITsneObjective
    {
        public bool Decreasing { get; init; }

        public int ErrorsComputed { get; private set; }

        private int _calls;

        public double Evaluate(double[] embedding, double[] gradient, double exaggeration, bool computeError)
        {
            Array.Fill(gradient, gradientValue);
            _calls++;
            if (!computeError)
            {
                return double.NaN;
            }

            ErrorsComputed++;
            return Decreasing ? error / _calls : error;
        }
    }
}
