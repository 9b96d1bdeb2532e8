using DeepClustering.Data;

namespace DeepClustering.Networks;

/// <summary>The checks every backend makes of the rows it is given.</summary>
public static class NetworkInputs
{
    /// <summary>The number of values in one sample of <paramref name="inputShape"/>.</summary>
    public static int SampleLength(IReadOnlyList<int> inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        long length = 1;
        foreach (int d in inputShape)
        {
            length *= d;
        }

        return checked((int)length);
    }

    /// <summary>Throws, naming <paramref name="argumentName"/>, when the rows of <paramref name="inputs"/> are not samples of the encoder's input shape.</summary>
    public static void Require(IEncoder encoder, DataMatrix inputs, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(inputs, argumentName);
        inputs.RequireFinite(argumentName);
        int perRow = SampleLength(encoder.InputShape);
        if (inputs.Columns != perRow)
        {
            throw new ArgumentException(
                $"The encoder '{encoder.Name}' takes rows of {perRow} values (shape [{string.Join(", ", encoder.InputShape)}]); the data have {inputs.Columns} columns.",
                argumentName);
        }

        if (inputs.Rows == 0)
        {
            throw new ArgumentException("The data hold no rows.", argumentName);
        }
    }

    /// <summary>Throws when a batch is empty or names a row outside [0, <paramref name="rowCount"/>).</summary>
    public static void RequireBatch(ReadOnlySpan<int> rows, int rowCount)
    {
        if (rows.IsEmpty)
        {
            throw new ArgumentException("The batch holds no rows.", nameof(rows));
        }

        for (int b = 0; b < rows.Length; b++)
        {
            if ((uint)rows[b] >= (uint)rowCount)
            {
                throw new ArgumentException($"Row index {rows[b]} (batch position {b}) is not an input row in [0, {rowCount}).", nameof(rows));
            }
        }
    }
}
