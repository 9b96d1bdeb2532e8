using System.Globalization;
using System.Text;
using DeepClustering.Tensors.NN;
using DeepClustering.Tensors.NN.Losses;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Tensors.Tests.TestSupport;

/// <summary>
/// The finite-difference step and the tolerance of a gradient check. An analytic derivative a passes against
/// the central difference n when |a − n| ≤ Absolute + Relative·|n|.
/// </summary>
/// <remarks>
/// Why <see cref="Layers"/> is (h = 1e-2, Absolute = 3e-4, Relative = 3e-3). The engine computes in float32
/// (unit roundoff u = 2⁻²⁴ ≈ 6e-8); the scalar L = Σ yⱼ·Rⱼ is summed in double, and outputs that the perturbed
/// value does not touch are recomputed bit for bit, so only the float32 rounding of the m outputs it touches
/// enters L(x+h) − L(x−h): about √m·u·Σ|w·x| ≈ 1e-6 for m ≤ 100 and O(1) values. Divided by 2h that is
/// ≈ 5e-5 of noise on a derivative (the largest error seen in these tests is 4.4e-5). The truncation error
/// of the central difference, h²/6·|f‴|, is 0 for everything linear in the perturbed value (linear layers,
/// convolutions, reshapes, dropout with a fixed mask) and below 1e-4 relative for tanh and sigmoid (|f‴/f′| ≤ 4
/// there). Absolute = 3e-4 is about 6× the noise and Relative = 3e-3 about 30× the curvature term. The checked
/// derivatives are O(0.1…10), so a wrong sign (error 2|n|), a transposed or misplaced gradient (error O(|n|)),
/// or a gradient off by a few per cent fails; <see cref="GradientCheckResult.Failure"/> also refuses a check
/// whose gradients are all too small for a wrong sign to show.
/// </remarks>
internal readonly record struct GradientTolerance(double Step, double Absolute, double Relative)
{
    /// <summary>For layers and networks on O(1) inputs, parameters and output weights; see the type's remarks.</summary>
    public static GradientTolerance Layers { get; } = new(1e-2, 3e-4, 3e-3);
}

/// <summary>Analytic gradients set against central finite differences, element by element.</summary>
internal sealed class GradientCheckResult
{
    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>The checked tensors: "input" and the parameter names.</summary>
    public IEnumerable<string> TensorNames => _entries.Select(e => e.Tensor).Distinct();

    public void Add(string tensor, int index, double analytic, double numeric) => _entries.Add(new Entry(tensor, index, analytic, numeric));

    /// <summary>Null when every derivative is within tolerance and every tensor has a non-negligible gradient; otherwise why not.</summary>
    public string? Failure(GradientTolerance tolerance)
    {
        var report = new StringBuilder();
        foreach (var group in _entries.GroupBy(e => e.Tensor))
        {
            // A check on an all-but-zero gradient proves nothing: a sign error would pass it.
            double largest = group.Max(e => Math.Abs(e.Numeric));
            if (largest < 20 * tolerance.Absolute)
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{group.Key}: the largest numeric derivative is only {largest:G3}; the check would not see a wrong sign.");
            }
        }

        var bad = _entries
            .Select(e => (Entry: e, Excess: Math.Abs(e.Analytic - e.Numeric) / (tolerance.Absolute + tolerance.Relative * Math.Abs(e.Numeric))))
            .Where(x => x.Excess > 1)
            .OrderByDescending(x => x.Excess)
            .ToList();
        if (bad.Count > 0)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{bad.Count} of {_entries.Count} derivatives are off (|a − n| > {tolerance.Absolute} + {tolerance.Relative}·|n|), worst first:");
            foreach (var (e, excess) in bad.Take(8))
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"  {e.Tensor}[{e.Index}]: analytic {e.Analytic:G6}, numeric {e.Numeric:G6} ({excess:F1}× the tolerance)");
            }
        }

        return report.Length == 0 ? null : report.ToString();
    }

    /// <summary>The largest |a − n| / (Absolute + Relative·|n|) over all entries; at most 1 passes.</summary>
    public double WorstExcess(GradientTolerance tolerance) =>
        _entries.Max(e => Math.Abs(e.Analytic - e.Numeric) / (tolerance.Absolute + tolerance.Relative * Math.Abs(e.Numeric)));

    public void AssertWithin(GradientTolerance tolerance)
    {
        Assert.NotEmpty(_entries);
        if (Failure(tolerance) is { } failure)
        {
            Assert.Fail(failure);
        }
    }

    public sealed record Entry(string Tensor, int Index, double Analytic, double Numeric);
}

/// <summary>
/// Gradient checks without a tape: a module's own Backward against central finite differences of its own
/// Forward, for the input and every parameter.
/// </summary>
internal static class GradientChecker
{
    /// <summary>
    /// Checks <paramref name="module"/> on <paramref name="input"/> with the scalar L = Σ output ⊙ R for a fixed
    /// random R (so dL/doutput = R). <paramref name="evaluate"/> recomputes the output for the finite
    /// differences; it defaults to <c>module.Forward</c> and exists for layers whose forward pass draws random
    /// numbers (dropout), which must be evaluated with the mask of the analytic pass.
    /// </summary>
    public static GradientCheckResult Check(Module module, Tensor input, GradientTolerance tolerance, long seed = 12345,
        Func<Tensor, Tensor>? evaluate = null)
    {
        evaluate ??= module.Forward;
        var output = module.Forward(input);
        var random = new RandomGenerator(seed);
        var weights = TestData.Uniform(module.Backend, random, -1, 1, output.Shape.ToArray());

        module.ZeroGradient();
        var inputGradient = module.Backward(weights)?.ToArray();
        var parameterGradients = module.NamedParameters()
            .Select(p => (p.Name, p.Parameter.Value, Gradient: p.Parameter.Gradient.ToArray()))
            .ToList();

        double Objective()
        {
            var y = evaluate(input);
            Assert.Equal(weights.Shape.ToArray(), y.Shape.ToArray());
            var values = y.AsSpan();
            var r = weights.AsSpan();
            double sum = 0;
            for (int i = 0; i < values.Length; i++)
            {
                sum += (double)values[i] * r[i];
            }

            return sum;
        }

        var result = new GradientCheckResult();
        if (inputGradient is not null)
        {
            Differentiate("input", input, inputGradient, tolerance.Step, Objective, result);
        }

        foreach (var (name, value, gradient) in parameterGradients)
        {
            Differentiate(name, value, gradient, tolerance.Step, Objective, result);
        }

        return result;
    }

    /// <summary>Checks the gradient that a loss writes against central differences of its value.</summary>
    public static GradientCheckResult CheckLoss(Loss loss, Tensor prediction, Tensor target, GradientTolerance tolerance)
    {
        loss.Forward(prediction, target);
        var analytic = loss.Backward().ToArray();
        var result = new GradientCheckResult();
        Differentiate("prediction", prediction, analytic, tolerance.Step, () => loss.Forward(prediction, target), result);
        return result;
    }

    private static void Differentiate(string name, Tensor tensor, float[] analytic, double step, Func<double> objective, GradientCheckResult result)
    {
        Assert.Equal(tensor.Length, analytic.Length);
        for (int i = 0; i < tensor.Length; i++)
        {
            float original = tensor.AsSpan()[i];
            // x ± h is rounded to float32; dividing by the difference of the rounded values, not by 2h, keeps
            // that rounding out of the quotient.
            float plus = (float)(original + step);
            float minus = (float)(original - step);
            tensor.AsSpan()[i] = plus;
            double up = objective();
            tensor.AsSpan()[i] = minus;
            double down = objective();
            tensor.AsSpan()[i] = original;
            result.Add(name, i, analytic[i], (up - down) / ((double)plus - minus));
        }
    }
}
