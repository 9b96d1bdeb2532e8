namespace DeepClustering.Metrics;

/// <summary>
/// 128-bit fixed-point sums of non-negative doubles: each addend is scaled by 2^e and truncated to an integer,
/// and integer addition is exact, so a sum does not depend on the order of its addends (threads may finish in
/// any order). e is chosen so that the largest possible sum stays below 2^124; the truncation then costs less
/// than 2⁻¹²⁴ of that bound per addend, far below double precision for any realistic sum.
/// </summary>
internal readonly struct FixedPointScale
{
    private readonly double _scale;
    private readonly double _inverse;

    private FixedPointScale(int exponent)
    {
        _scale = Math.ScaleB(1.0, exponent);
        _inverse = Math.ScaleB(1.0, -exponent);
    }

    /// <summary>The scale for sums of up to <paramref name="terms"/> distances between points within <paramref name="radius"/> of a centre.</summary>
    public static FixedPointScale For(int terms, double radius)
    {
        // Each distance is at most 2·radius; one more factor 2 covers rounding in the distances and sums.
        double bound = 4.0 * terms * radius;
        if (!(bound > 0) || !double.IsFinite(bound))
        {
            return new FixedPointScale(0);
        }

        int exponent = 123 - Math.ILogB(bound);
        return new FixedPointScale(Math.Clamp(exponent, -1000, 1000));
    }

    /// <summary>The fixed-point value of <paramref name="value"/> (≥ 0), truncated.</summary>
    public Int128 ToFixed(double value) => (Int128)(value * _scale);

    /// <summary>The double nearest a fixed-point sum.</summary>
    public double ToDouble(Int128 value) => (double)value * _inverse;
}
