namespace DeepClustering.Metrics;

/// <summary>
/// Labels recoded as 0 … k − 1 in the ascending order of their values, as scikit-learn's LabelEncoder and
/// numpy.unique do. Any int is a label: −1 (noise) is one more cluster, as in scikit-learn.
/// </summary>
internal sealed class EncodedLabels
{
    private EncodedLabels(int[] codes, int[] values, int[] counts)
    {
        Codes = codes;
        Values = values;
        Counts = counts;
    }

    /// <summary>The code of each sample, 0 … <see cref="Count"/> − 1.</summary>
    public int[] Codes { get; }

    /// <summary>The label value of each code, ascending.</summary>
    public int[] Values { get; }

    /// <summary>Samples per code.</summary>
    public int[] Counts { get; }

    /// <summary>Distinct labels.</summary>
    public int Count => Values.Length;

    /// <summary>Recodes <paramref name="labels"/>.</summary>
    public static EncodedLabels Encode(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        int n = labels.Count;
        var sorted = new int[n];
        for (int i = 0; i < n; i++)
        {
            sorted[i] = labels[i];
        }

        Array.Sort(sorted);
        int distinct = 0;
        for (int i = 0; i < n; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                sorted[distinct++] = sorted[i];
            }
        }

        var values = sorted.AsSpan(0, distinct).ToArray();
        var codes = new int[n];
        var counts = new int[distinct];
        for (int i = 0; i < n; i++)
        {
            int code = Array.BinarySearch(values, labels[i]);
            codes[i] = code;
            counts[code]++;
        }

        return new EncodedLabels(codes, values, counts);
    }
}
