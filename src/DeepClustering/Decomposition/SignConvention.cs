namespace DeepClustering.Decomposition;

/// <summary>
/// scikit-learn's deterministic sign of principal axes (<c>svd_flip(U, Vt)</c> with <c>u_based_decision=True</c>,
/// as <c>PCA</c> 1.2 uses it): each axis is turned so that the largest score in absolute value, the first one
/// on ties, is positive.
/// </summary>
internal static class SignConvention
{
    /// <summary>
    /// +1 or −1 for one axis from its scores (the centred data projected on the axis); +1 when all scores are 0.
    /// </summary>
    public static int SignFromScores(ReadOnlySpan<double> scores)
    {
        int best = 0;
        double bestAbsolute = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            double absolute = Math.Abs(scores[i]);
            if (absolute > bestAbsolute)
            {
                bestAbsolute = absolute;
                best = i;
            }
        }

        return scores.Length == 0 || scores[best] >= 0 ? 1 : -1;
    }
}
