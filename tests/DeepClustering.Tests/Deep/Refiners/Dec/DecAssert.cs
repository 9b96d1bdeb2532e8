namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>Element-wise comparisons and central finite differences for the DEC equation tests.</summary>
internal static class DecAssert
{
    /// <summary>Asserts |actual − expected| ≤ absolute + relative·|expected| element-wise, naming the first index that fails.</summary>
    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double absolute, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double allowed = absolute + relative * Math.Abs(expected[i]);
            Assert.True(Math.Abs(actual[i] - expected[i]) <= allowed,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {allowed:G3})");
        }
    }

    public static void Close(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double absolute, double relative, string what) =>
        Close(expected, ToDouble(actual), absolute, relative, what);

    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary>
    /// The central difference (f(x + h·e_i) − f(x − h·e_i)) / (actual step) for every coordinate of the float32 vector x.
    /// The perturbed coordinates are rounded to float32, so the divisor is the difference of the two rounded values,
    /// not 2h. f runs in double, so the result's error is the truncation term h²·|f‴|/6.
    /// </summary>
    public static double[] CentralDifferences(float[] x, Func<float[], double> f, double step)
    {
        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            float saved = x[i];
            float plus = (float)(saved + step);
            float minus = (float)(saved - step);
            x[i] = plus;
            double fPlus = f(x);
            x[i] = minus;
            double fMinus = f(x);
            x[i] = saved;
            gradient[i] = (fPlus - fMinus) / ((double)plus - minus);
        }

        return gradient;
    }
}
