namespace DeepClustering.Refiners.Dec;

/// <summary>
/// DEC's stopping rule: the fraction of rows whose hard label changed between two refreshes of the target
/// distribution. DEC stops when fewer than tol % of the points change cluster assignment between two consecutive
/// refreshes (Xie, Girshick and Farhadi, ICML 2016); DEC-keras and IDEC compute
/// <c>delta_label = np.sum(y_pred != y_pred_last) / n</c> at each refresh after the first and stop when
/// <c>delta_label &lt; tol</c>.
/// </summary>
/// <remarks>
/// The labels are compared as they are, without matching old clusters to new ones: the centres carry their identity
/// from one refresh to the next. (DEKM's rule, which matches clusters after re-running k-means, is not this one.)
/// </remarks>
internal static class LabelChange
{
    /// <summary>
    /// The default tolerance, 0.001 (0.1 % of the rows): the DEC paper's tol = 0.1 % and the <c>--tol 0.001</c> default of
    /// DEC-keras' DEC.py and IDEC's IDEC.py.
    /// </summary>
    public const double DefaultTolerance = 0.001;

    /// <summary>The fraction of positions where <paramref name="previous"/> and <paramref name="current"/> differ.</summary>
    public static double Fraction(ReadOnlySpan<int> previous, ReadOnlySpan<int> current)
    {
        if (previous.Length != current.Length)
        {
            throw new ArgumentException(
                $"The previous labels cover {previous.Length} rows and the current ones {current.Length}.", nameof(current));
        }

        if (current.Length == 0)
        {
            throw new ArgumentException("There are no labels to compare.", nameof(current));
        }

        int changed = 0;
        for (int i = 0; i < current.Length; i++)
        {
            if (previous[i] != current[i])
            {
                changed++;
            }
        }

        return (double)changed / current.Length;
    }

    /// <summary>Whether a label-change fraction stops training: strictly below the tolerance, as DEC-keras' <c>delta_label &lt; tol</c>.</summary>
    public static bool IsBelowTolerance(double fraction, double tolerance) => fraction < tolerance;
}
