using System.Globalization;

namespace DeepClustering.Pipeline;

/// <summary>
/// The q-quantile of a sample with linear interpolation between order statistics (numpy's default, Hyndman and Fan's
/// type 7): with the values sorted x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ and h = (n − 1)q, Q(q) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋₊₁₎ − x₍⌊h⌋₎).
/// </summary>
internal static class Quantile
{
    public static double Linear(double[] values, double q, string argumentName)
    {
        Require(q, argumentName);
        if (values.Length == 0)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(values));
        }

        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double h = (sorted.Length - 1) * q;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    public static void Require(double q, string argumentName)
    {
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(argumentName, q,
                string.Create(CultureInfo.InvariantCulture, $"The quantile is {q}; it must be in [0, 1]."));
        }
    }
}
