using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DeepClustering.Clustering;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Training;

namespace DeepClustering.Fuzzing.Targets;

/// <summary>
/// <see cref="DeepClusteringModel.Load(string, int)"/> and then every use of the loaded model. Most mutants are resealed
/// (the length field and SHA-256 recomputed, as a buggy writer or a hand edit makes), so that the loader's own checks
/// of the header and the tensors are what is fuzzed, not only the checksum.
/// </summary>
public sealed class ModelFileTarget : IFuzzTarget
{
    private const int LengthOffset = 12;
    private const int Features = 12;

    /// <inheritdoc />
    public string Name => "model";

    /// <inheritdoc />
    public string FileExtension => ".dclm";

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Dictionary { get; } =
    [
        .. new[]
        {
            "\"HiddenWidths\":[46000,46000]", "12000", "-1", "0", "1e400", "NaN", "null", "true", "\"\"", "[]", "{}", "\"Dense\"",
            "\"StackedSparse\"", "\"Convolutional\"", "\"KwonLee\"", "\"ReLU\"", "\"Sigmoid\"", "2147483647", "4294967295",
            "\"alpha\":0", "\"clusterCount\":", "\"embeddingDimension\":", "\"inputShape\":[1,28,28]", "autoencoder.", "centers",
        }.Select(Encoding.UTF8.GetBytes),
        [0xFF], [0x00, 0x00, 0xC0, 0x7F], [0x00, 0x00, 0x80, 0x7F], [0xFF, 0xFF, 0xFF, 0x7F], [0x00, 0x00, 0x00, 0x00],
    ];

    /// <summary>Three small models fitted through the public API: a dense, a stacked sparse and a convolutional one.</summary>
    public IReadOnlyList<byte[]> CreateSeeds()
    {
        var random = new Random(5);
        var rows = Enumerable.Range(0, 40).Select(_ => Enumerable.Range(0, Features).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        var images = Enumerable.Range(0, 24).Select(_ => Enumerable.Range(0, 64).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
        return
        [
            Seed(new AutoencoderArchitecture(AutoencoderKind.Dense, [Features], 3, [8], HiddenActivation.ReLU), DataMatrix.FromRows(rows)),
            Seed(new AutoencoderArchitecture(AutoencoderKind.StackedSparse, [Features], 3, [6, 5], HiddenActivation.Sigmoid, 0.05, 1e-5), DataMatrix.FromRows(rows)),
            Seed(new AutoencoderArchitecture(AutoencoderKind.Convolutional, [1, 8, 8], 2, [], HiddenActivation.ReLU), DataMatrix.FromRows(images)),
        ];
    }

    /// <summary>A raw mutation; three times in four the length and checksum are then made to match again.</summary>
    public byte[] Mutate(byte[] parent, Mutator mutator)
    {
        var child = mutator.Mutate(parent);
        return mutator.Random.Next(4) == 0 || child.Length < LengthOffset + 8 + 32 ? child : Reseal(child);
    }

    /// <inheritdoc />
    public object Read(byte[] input, string scratchPath)
    {
        File.WriteAllBytes(scratchPath, input);
        var model = DeepClusteringModel.Load(scratchPath, threads: 1);
        try
        {
            // Every use the issue found failing later: predict, transform, soft assignments, centres, scores.
            int features = model.Network.InputShape.Aggregate(1, (a, b) => a * b);
            var random = new Random(1);
            var data = new DataMatrix(Enumerable.Range(0, 3 * features).Select(_ => (float)random.NextDouble()).ToArray(), 3, features);
            var labels = model.Predict(data);
            var embedding = model.Transform(data);
            var soft = model.PredictProba(data);
            var centres = model.Centers;
            var scores = model.ScoreAnomalies(data);
            return (model.ClusterCount, labels, embedding.Columns, soft.GetLength(1), centres.Rows, scores.Distances.Count);
        }
        finally
        {
            model.Dispose();
        }
    }

    /// <summary>A loaded model labels rows within its clusters and gives results of consistent sizes.</summary>
    public string? CheckAccepted(byte[] input, object result, string scratchPath)
    {
        var (clusters, labels, _, softColumns, centreRows, scored) = ((int, int[], int, int, int, int))result;
        if (labels.Any(l => (uint)l >= (uint)clusters))
        {
            return $"a label lies outside the model's {clusters} clusters";
        }

        return softColumns == clusters && centreRows == clusters && scored == labels.Length
            ? null
            : $"the model's results disagree in size: {softColumns} soft columns, {centreRows} centres, {scored} scores for {clusters} clusters";
    }

    /// <summary>
    /// A bad file is an <see cref="InvalidDataException"/> whose message starts with the quoted path; a finite model whose
    /// weights overflow on the data is the documented <see cref="InvalidOperationException"/> of <c>Transform</c>.
    /// </summary>
    public string? CheckRefused(Exception refusal, string scratchPath) => refusal switch
    {
        InvalidDataException e when e.Message.StartsWith($"'{scratchPath}'", StringComparison.Ordinal) => null,
        InvalidDataException e => $"the refusal does not start with the quoted path '{scratchPath}': {e.Message}",
        InvalidOperationException e when e.Message.Contains("overflow", StringComparison.Ordinal) => null,
        _ => $"{refusal.GetType().FullName} is not a documented refusal: {refusal.Message}",
    };

    private static byte[] Seed(AutoencoderArchitecture architecture, DataMatrix data)
    {
        using var model = new DeepClusteringBuilder()
            .WithEncoder(architecture)
            .WithPretraining(new AutoencoderTrainingOptions { Epochs = 1, BatchSize = 8 })
            .WithClusterer(new KMeans(new KMeansOptions { ClusterCount = 3, InitializationCount = 1, Threads = 1 }))
            .OnDevice(ComputeDevice.Cpu, threads: 1)
            .WithSeed(3)
            .Fit(data);
        string path = Path.Combine(Path.GetTempPath(), $"deepclustering-fuzz-seed-{Guid.NewGuid():N}.dclm");
        try
        {
            model.Save(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The file with its length field and trailing SHA-256 made to match its bytes again.</summary>
    private static byte[] Reseal(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(LengthOffset), (ulong)copy.Length);
        SHA256.HashData(copy.AsSpan(0, copy.Length - 32), copy.AsSpan(copy.Length - 32));
        return copy;
    }
}
