using DeepClustering.Data;

namespace DeepClustering.Fuzzing.Targets;

/// <summary><see cref="CsvMatrix.Read(string)"/>: numeric CSV files.</summary>
public sealed class CsvTarget(string repositoryRoot) : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "csv";

    /// <inheritdoc />
    public string FileExtension => ".csv";

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Dictionary => Dictionaries.Csv;

    /// <inheritdoc />
    public IReadOnlyList<byte[]> CreateSeeds() => SeedInputs.CsvFiles(repositoryRoot);

    /// <inheritdoc />
    public byte[] Mutate(byte[] parent, Mutator mutator) => mutator.Mutate(parent);

    /// <inheritdoc />
    public object Read(byte[] input, string scratchPath)
    {
        File.WriteAllBytes(scratchPath, input);
        return CsvMatrix.Read(scratchPath);
    }

    /// <summary>What was read is a full matrix of finite values that survives writing and reading back exactly.</summary>
    public string? CheckAccepted(byte[] input, object result, string scratchPath)
    {
        if (result is not DataMatrix matrix)
        {
            return $"the reader returned {result.GetType().Name}, not DataMatrix";
        }

        if ((long)matrix.Rows * matrix.Columns != matrix.Values.Length || !matrix.Values.All(float.IsFinite))
        {
            return $"the {matrix.Rows} x {matrix.Columns} matrix read holds {matrix.Values.Length} values, or one is not finite";
        }

        string copy = scratchPath + ".rewritten.csv";
        CsvMatrix.Write(copy, matrix);
        DataMatrix reread = CsvMatrix.Read(copy);
        return reread.Rows == matrix.Rows && reread.Columns == matrix.Columns && reread.Values.AsSpan().SequenceEqual(matrix.Values)
            ? null
            : "the matrix read does not survive writing and reading it back";
    }

    /// <summary>CSV refusals are <see cref="InvalidDataException"/>s whose message starts with the file's path.</summary>
    public string? CheckRefused(Exception refusal, string scratchPath) => TextChecks.CheckRefused(refusal, scratchPath);
}
