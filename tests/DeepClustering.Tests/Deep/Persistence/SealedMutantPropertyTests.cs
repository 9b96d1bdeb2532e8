using System.Text.Json.Nodes;
using DeepClustering.Data;
using DeepClustering.Networks;
using DeepClustering.Pipeline;
using DeepClustering.Tests.Data;
using Xunit.Abstractions;

namespace DeepClustering.Tests.Persistence;

/// <summary>
/// Seeded mutants of small model files, each resealed (length and SHA-256 recomputed) so that only the loader's own
/// checks stand between them and the model: random edits of the header's JSON values, of its raw bytes, of the
/// tensors' bytes and of single values. Each must either load into a model whose Predict, PredictProba, Transform and
/// Centers work, or be refused with an <see cref="InvalidDataException"/> naming the file; nothing else may escape.
/// </summary>
public class SealedMutantPropertyTests(ITestOutputHelper output)
{
    private const int MutantsPerModel = 1500;

    private static readonly JsonNode?[] Replacements =
    [
        null, 0, -1, 1, 2, 3, 4, 7, 8, 12, 12000, 46000, int.MaxValue, long.MaxValue, -2147483648, 1.5, 0.05, 1e-300, 1e300, -0.0,
        "", "x", "Dense", "StackedSparse", "Convolutional", "ReLU", "none", "3", true, false,
        new JsonArray(), new JsonArray(8), new JsonArray(12000, 12000), new JsonArray(new JsonArray(8)), new JsonArray("8"), new JsonObject(),
    ];

    private static readonly float[] Values =
    [
        0f, -0f, 1f, -1f, 1e-45f, 1e20f, -1e20f, 1e38f, float.MaxValue, float.MinValue, float.NaN, float.PositiveInfinity, float.NegativeInfinity,
    ];

    public static TheoryData<string> Models => ["dense", "sparse"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_sealed_mutant_either_loads_and_works_or_is_refused_naming_the_file(string which)
    {
        byte[] valid = SealedModelFiles.ValidModel(which == "dense" ? SealedModelFiles.SmallDense : SealedModelFiles.SmallSparse);
        var random = new Random(which == "dense" ? 16 : 61);
        using var folder = new TemporaryFolder();
        string path = folder.File("mutant.dclm");
        int loaded = 0, refused = 0, overflowed = 0;
        for (int i = 0; i < MutantsPerModel; i++)
        {
            var (mutant, description) = Mutate(valid, random);
            File.WriteAllBytes(path, mutant);
            DeepClusteringModel model;
            try
            {
                model = DeepClusteringModel.Load(path, threads: 1);
            }
            catch (InvalidDataException e) when (e.Message.Contains($"'{path}'", StringComparison.Ordinal))
            {
                refused++;
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutant {i} ({description}) escaped as {e.GetType().Name}: {e.Message}");
                throw;
            }

            using (model)
            {
                loaded++;
                overflowed += Use(model, i, description) ? 0 : 1;
            }
        }

        output.WriteLine($"{which}: {MutantsPerModel} mutants, {refused} refused, {loaded} loaded ({overflowed} of them overflow on the test rows)");
        Assert.True(refused > MutantsPerModel / 4, $"{refused} refused");
        Assert.True(loaded > 10, $"{loaded} loaded");
    }

    /// <summary>Uses a loaded mutant; false when its finite but huge parameters overflow on the rows, which it must say as such.</summary>
    private static bool Use(DeepClusteringModel model, int index, string description)
    {
        int columns = NetworkInputs.SampleLength(model.Network.InputShape);
        var data = new DataMatrix(Enumerable.Range(0, 8 * columns).Select(v => (float)Math.Sin(v)).ToArray(), 8, columns);
        try
        {
            Assert.Equal(model.ClusterCount, model.Centers.Rows);
            var labels = model.Predict(data);
            Assert.All(labels, l => Assert.InRange(l, 0, model.ClusterCount - 1));
            var q = model.PredictProba(data);
            Assert.Equal((8, model.ClusterCount), (q.GetLength(0), q.GetLength(1)));
            Assert.Equal(8, model.Transform(data).Rows);
            return true;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("overflow", StringComparison.Ordinal))
        {
            return false;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"Mutant {index} ({description}) loaded, then failed in use with {e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    private static (byte[] Bytes, string Description) Mutate(byte[] valid, Random random)
    {
        switch (random.Next(4))
        {
            case 0:
            {
                string description = "";
                var bytes = SealedModelFiles.WithHeader(valid, header => description = EditJson(header, random));
                return (bytes, description);
            }

            case 1:
            {
                byte[] header = SealedModelFiles.HeaderBytes(valid);
                int at = random.Next(header.Length);
                byte value = (byte)random.Next(256);
                header[at] = value;
                return (SealedModelFiles.WithHeaderBytes(valid, header), $"header byte {at} = 0x{value:X2}");
            }

            case 2:
            {
                byte[] bytes = (byte[])valid.Clone();
                int start = ModelFileSamples.TensorCountOffset(bytes);
                int at = start + random.Next(bytes.Length - 32 - start);
                byte value = (byte)random.Next(256);
                bytes[at] = value;
                return (ModelFileSamples.Reseal(bytes), $"tensor byte {at} = 0x{value:X2}");
            }

            default:
            {
                var tensors = SealedModelFiles.Content(valid).Tensors;
                var tensor = tensors[random.Next(tensors.Count)];
                int at = random.Next(tensor.Length);
                float value = random.Next(3) == 0
                    ? BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue))
                    : Values[random.Next(Values.Length)];
                return (SealedModelFiles.WithValue(valid, tensor.Name, at, value), $"{tensor.Name}[{at}] = {value}");
            }
        }
    }

    /// <summary>Replaces, removes or adds one value somewhere in the header; returns what it did.</summary>
    private static string EditJson(JsonObject header, Random random)
    {
        var places = new List<(JsonNode Parent, string? Name, int Index, string Path)>();
        Collect(header, "", places);
        var (parent, name, index, path) = places[random.Next(places.Count)];
        var replacement = Replacements[random.Next(Replacements.Length)]?.DeepClone();
        int action = random.Next(6);
        if (parent is JsonObject obj && name is not null)
        {
            if (action == 0)
            {
                obj.Remove(name);
                return $"removed {path}";
            }

            if (action == 1)
            {
                obj[name + "X"] = replacement;
                return $"added {path}X = {replacement?.ToJsonString() ?? "null"}";
            }

            obj[name] = replacement;
        }
        else if (parent is JsonArray array)
        {
            if (action == 0)
            {
                array.RemoveAt(index);
                return $"removed {path}";
            }

            if (action == 1)
            {
                array.Add(replacement);
                return $"appended to {path}";
            }

            array[index] = replacement;
        }

        return $"{path} = {replacement?.ToJsonString() ?? "null"}";
    }

    private static void Collect(JsonNode node, string path, List<(JsonNode, string?, int, string)> places)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                string childPath = path.Length == 0 ? name : $"{path}.{name}";
                places.Add((obj, name, -1, childPath));
                if (child is not null)
                {
                    Collect(child, childPath, places);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                places.Add((array, null, i, $"{path}[{i}]"));
                if (array[i] is { } child)
                {
                    Collect(child, $"{path}[{i}]", places);
                }
            }
        }
    }
}
