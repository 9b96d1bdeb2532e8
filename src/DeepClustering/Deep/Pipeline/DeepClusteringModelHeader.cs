using System.Text.Json.Nodes;
using DeepClustering.Networks;
using DeepClustering.Persistence;
using DeepClustering.Refiners.Dec;

namespace DeepClustering.Pipeline;

/// <summary>
/// The header of a <see cref="DeepClusteringModel"/>'s file and its schema: what <see cref="ToJson"/> writes and
/// what <see cref="Read"/> accepts. Reading checks every field's JSON type and range (see docs/model-file.md) and
/// refuses anything else with an <see cref="InvalidDataException"/> naming the file and the field; the values it
/// returns are small (no field is used to size anything before the tensors have been checked against it).
/// </summary>
/// <remarks>
/// The wall-clock timings of <see cref="DeepClusteringModelInfo"/> (<c>PretrainSeconds</c>, <c>Seconds</c>) are not
/// written, so that identical fits give identical files; files written before this rule still hold them, and they are
/// read back. A model loaded from a newer file reports 0 for both.
/// </remarks>
internal sealed record DeepClusteringModelHeader(
    AutoencoderArchitecture Architecture, int ClusterCount, int EmbeddingDimension, DeepClusteringModelInfo Info, double Alpha)
{
    /// <summary>The most clusters a file may declare (it must also hold that many centres).</summary>
    public const int MaximumClusterCount = 1 << 24;

    /// <summary>The most hidden layers an architecture in a file may declare.</summary>
    public const int MaximumHiddenLayers = 256;

    private const string KindField = "kind", ArchitectureField = "architecture", ClusterCountField = "clusterCount",
        EmbeddingDimensionField = "embeddingDimension", PreprocessingField = "preprocessing", InfoField = "info", AlphaField = "alpha";

    /// <summary>The only preprocessing this version writes: the network takes the rows as they are given.</summary>
    private const string NoTransform = "none";

    /// <summary>The header as it is written, with the fields in a fixed order.</summary>
    public JsonObject ToJson()
    {
        var architecture = new JsonObject
        {
            ["Kind"] = Architecture.Kind.ToString(),
            ["InputShape"] = IntegerArray(Architecture.InputShape),
            ["EmbeddingDimension"] = Architecture.EmbeddingDimension,
            ["HiddenWidths"] = IntegerArray(Architecture.HiddenWidths),
            ["Activation"] = Architecture.Activation.ToString(),
            ["SparsityTarget"] = Architecture.SparsityTarget,
            ["SparsityWeight"] = Architecture.SparsityWeight,
        };
        var info = new JsonObject
        {
            ["Encoder"] = Info.Encoder,
            ["Clusterer"] = Info.Clusterer,
            ["Refiner"] = Info.Refiner,
            ["Seed"] = Info.Seed,
            ["RefinementIterations"] = Info.RefinementIterations,
            ["Converged"] = Info.Converged,
            ["Backend"] = Info.Backend,
            ["Device"] = Info.Device,
            ["Canceled"] = Info.Canceled,
        };
        return new JsonObject
        {
            [KindField] = DeepClusteringModel.FileKind,
            [ArchitectureField] = architecture,
            [ClusterCountField] = ClusterCount,
            [EmbeddingDimensionField] = EmbeddingDimension,
            [PreprocessingField] = new JsonObject { ["inputShape"] = IntegerArray(Architecture.InputShape), ["transform"] = NoTransform },
            [InfoField] = info,
            [AlphaField] = Alpha,
        };
    }

    /// <summary>Reads and checks the header of <paramref name="file"/>.</summary>
    /// <exception cref="InvalidDataException">A field is missing, of the wrong type, out of range, or disagrees with another.</exception>
    public static DeepClusteringModelHeader Read(ModelFile file, string source)
    {
        var fields = new HeaderFields(source);
        var header = file.Header;
        string? kind = fields.OptionalString(header[KindField], KindField);
        if (kind != DeepClusteringModel.FileKind)
        {
            throw new InvalidDataException($"'{source}' holds {(kind is null ? "no 'kind'" : $"a '{kind}'")}, not a {DeepClusteringModel.FileKind}.");
        }

        var architecture = ReadArchitecture(fields, fields.Object(fields.Required(header, ArchitectureField, ""), ArchitectureField));
        int clusterCount = fields.Int32(fields.Required(header, ClusterCountField, ""), ClusterCountField, 1, MaximumClusterCount);
        int embeddingDimension = fields.Int32(fields.Required(header, EmbeddingDimensionField, ""), EmbeddingDimensionField, 1,
            AutoencoderParameterShapes.MaximumWidth);
        if (embeddingDimension != architecture.EmbeddingDimension)
        {
            throw fields.Refuse(
                $"its header says embeddingDimension {embeddingDimension}, but its architecture's EmbeddingDimension is {architecture.EmbeddingDimension}.");
        }

        ReadPreprocessing(fields, fields.Object(fields.Required(header, PreprocessingField, ""), PreprocessingField), architecture);
        var info = ReadInfo(fields, fields.Object(fields.Required(header, InfoField, ""), InfoField));
        double alpha = header.TryGetPropertyValue(AlphaField, out var alphaNode)
            ? fields.OptionalFiniteNumber(alphaNode, AlphaField) ?? throw fields.Refuse("its header field 'alpha' is null, not a number.")
            : StudentTAssignment.DefaultAlpha; // Files written before α was saved used 1.
        if (!(alpha > 0))
        {
            throw fields.Refuse($"its header field 'alpha' (the Student's t α) is {alpha}; it must be positive and finite.");
        }

        return new DeepClusteringModelHeader(architecture, clusterCount, embeddingDimension, info, alpha);
    }

    private static AutoencoderArchitecture ReadArchitecture(HeaderFields fields, JsonObject node)
    {
        const string P = ArchitectureField + ".";
        var kind = fields.Enum<AutoencoderKind>(fields.Required(node, "Kind", ArchitectureField), P + "Kind");
        int[] inputShape = fields.Int32Array(fields.Required(node, "InputShape", ArchitectureField), P + "InputShape", 1,
            AutoencoderParameterShapes.MaximumWidth, maximumCount: 3);
        int embedding = fields.Int32(fields.Required(node, "EmbeddingDimension", ArchitectureField), P + "EmbeddingDimension", 1,
            AutoencoderParameterShapes.MaximumWidth);
        int[] hidden = fields.Int32Array(fields.Required(node, "HiddenWidths", ArchitectureField), P + "HiddenWidths", 1,
            AutoencoderParameterShapes.MaximumWidth, MaximumHiddenLayers);
        var activation = fields.Enum<HiddenActivation>(fields.Required(node, "Activation", ArchitectureField), P + "Activation");
        double? target = fields.OptionalFiniteNumber(node["SparsityTarget"], P + "SparsityTarget");
        double? weight = fields.OptionalFiniteNumber(node["SparsityWeight"], P + "SparsityWeight");
        if (kind != AutoencoderKind.StackedSparse && (target is not null || weight is not null))
        {
            throw fields.Refuse($"its {kind} architecture has a sparsity target or weight, which only a StackedSparse one has.");
        }

        if (target is { } rho && !(rho > 0 && rho < 1))
        {
            throw fields.Refuse($"its header field '{P}SparsityTarget' is {rho}; the target activation ρ must be in (0, 1).");
        }

        if (weight is { } beta && !(beta >= 0))
        {
            throw fields.Refuse($"its header field '{P}SparsityWeight' is {beta}; the sparsity weight β must be non-negative.");
        }

        return new AutoencoderArchitecture(kind, inputShape, embedding, hidden, activation, target, weight);
    }

    private static void ReadPreprocessing(HeaderFields fields, JsonObject node, AutoencoderArchitecture architecture)
    {
        const string P = PreprocessingField + ".";
        int[] inputShape = fields.Int32Array(fields.Required(node, "inputShape", PreprocessingField), P + "inputShape", 1,
            AutoencoderParameterShapes.MaximumWidth, maximumCount: 3);
        if (!inputShape.SequenceEqual(architecture.InputShape))
        {
            throw fields.Refuse(
                $"its header field '{P}inputShape' is [{string.Join(", ", inputShape)}], but its architecture's InputShape is " +
                $"[{string.Join(", ", architecture.InputShape)}].");
        }

        string transform = fields.String(fields.Required(node, "transform", PreprocessingField), P + "transform");
        if (transform != NoTransform)
        {
            throw fields.Refuse($"its header field '{P}transform' is '{transform}'; this version knows only '{NoTransform}'.");
        }
    }

    private static DeepClusteringModelInfo ReadInfo(HeaderFields fields, JsonObject node)
    {
        const string P = InfoField + ".";
        string encoder = fields.String(fields.Required(node, "Encoder", InfoField), P + "Encoder");
        string clusterer = fields.String(fields.Required(node, "Clusterer", InfoField), P + "Clusterer");
        string? refiner = fields.OptionalString(node["Refiner"], P + "Refiner");
        long seed = fields.Integer(fields.Required(node, "Seed", InfoField), P + "Seed", long.MinValue, long.MaxValue);
        int iterations = fields.Int32(fields.Required(node, "RefinementIterations", InfoField), P + "RefinementIterations", 0, int.MaxValue);
        bool? converged = fields.OptionalBoolean(node["Converged"], P + "Converged");
        string? backend = fields.OptionalString(node["Backend"], P + "Backend");
        string? device = fields.OptionalString(node["Device"], P + "Device");
        bool canceled = fields.OptionalBoolean(node["Canceled"], P + "Canceled") ?? false;
        return new DeepClusteringModelInfo(encoder, clusterer, refiner, seed,
            Seconds(fields, node["PretrainSeconds"], P + "PretrainSeconds"), Seconds(fields, node["Seconds"], P + "Seconds"),
            iterations, converged, backend, device, canceled);
    }

    /// <summary>A timing of a file written before timings were left out, or 0 when there is none.</summary>
    private static double Seconds(HeaderFields fields, JsonNode? node, string path)
    {
        double seconds = fields.OptionalFiniteNumber(node, path) ?? 0;
        return seconds >= 0 ? seconds : throw fields.Refuse($"its header field '{path}' is {seconds}; a duration cannot be negative.");
    }

    private static JsonArray IntegerArray(IEnumerable<int> values) => new([.. values.Select(v => (JsonNode)v)]);
}
