namespace DeepClustering.Clustering;

/// <summary>log Σ exp(vᵢ), computed as m + log Σ exp(vᵢ − m) with m the largest value, so that nothing overflows.</summary>
internal static class LogSumExp
{
    public static double Of(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values)
        {
            max = Math.Max(max, v);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        double sum = 0;
        foreach (double v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
