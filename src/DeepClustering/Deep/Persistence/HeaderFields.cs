using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepClustering.Persistence;

/// <summary>
/// Reads typed values out of a model file's JSON header, trusting none of them: each read names the field by its path
/// (<c>architecture.HiddenWidths[1]</c>) and refuses a missing field, a value of the wrong JSON type, a number that is
/// not an integer where one is needed, and a value outside its range, with an <see cref="InvalidDataException"/> that
/// names the file. Nothing is allocated from a value before it has been checked.
/// </summary>
internal sealed class HeaderFields(string source)
{
    /// <summary>The file or source name the header came from, as messages quote it.</summary>
    public string Source { get; } = source;

    /// <summary>The object at <paramref name="path"/>.</summary>
    public JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw WrongType(node, path, "an object");

    /// <summary>The member <paramref name="name"/> of <paramref name="parent"/>, which must be present (it may be null).</summary>
    public JsonNode? Required(JsonObject parent, string name, string path)
    {
        if (!parent.TryGetPropertyValue(name, out var node))
        {
            throw Refuse($"its header has no field '{Join(path, name)}'.");
        }

        return node;
    }

    /// <summary>A string that must be present and not null.</summary>
    public string String(JsonNode? node, string path) =>
        OptionalString(node, path) ?? throw WrongType(node, path, "a string");

    /// <summary>A string, or null when the value is null or absent.</summary>
    public string? OptionalString(JsonNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var text)
            ? text
            : throw WrongType(node, path, "a string");
    }

    /// <summary>A true or false that must be present.</summary>
    public bool Boolean(JsonNode? node, string path) =>
        OptionalBoolean(node, path) ?? throw WrongType(node, path, "true or false");

    /// <summary>A true or false, or null when the value is null or absent.</summary>
    public bool? OptionalBoolean(JsonNode? node, string path) => node switch
    {
        null => null,
        _ when node.GetValueKind() == JsonValueKind.True => true,
        _ when node.GetValueKind() == JsonValueKind.False => false,
        _ => throw WrongType(node, path, "true or false"),
    };

    /// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public long Integer(JsonNode? node, string path, long minimum, long maximum)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            throw WrongType(node, path, "an integer");
        }

        if (!value.TryGetValue<long>(out long number))
        {
            throw Refuse($"its header field '{path}' is {node.ToJsonString()}, not an integer between {minimum} and {maximum}.");
        }

        return number >= minimum && number <= maximum
            ? number
            : throw Refuse($"its header field '{path}' is {number}; it must be between {minimum} and {maximum}.");
    }

    /// <summary>An integer in [<paramref name="minimum"/>, <paramref name="maximum"/>] that fits an <see cref="int"/>.</summary>
    public int Int32(JsonNode? node, string path, int minimum, int maximum) => (int)Integer(node, path, minimum, maximum);

    /// <summary>A finite number, or null when the value is null or absent.</summary>
    public double? OptionalFiniteNumber(JsonNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            throw WrongType(node, path, "a number");
        }

        return value.TryGetValue<double>(out double number) && double.IsFinite(number)
            ? number
            : throw Refuse($"its header field '{path}' is {node.ToJsonString()}, not a finite number.");
    }

    /// <summary>
    /// An array of integers, each in [<paramref name="minimum"/>, <paramref name="maximum"/>], with at most
    /// <paramref name="maximumCount"/> elements.
    /// </summary>
    public int[] Int32Array(JsonNode? node, string path, int minimum, int maximum, int maximumCount)
    {
        if (node is not JsonArray array)
        {
            throw WrongType(node, path, "an array of integers");
        }

        if (array.Count > maximumCount)
        {
            throw Refuse($"its header field '{path}' has {array.Count} elements; at most {maximumCount} are allowed.");
        }

        var values = new int[array.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Int32(array[i], $"{path}[{i}]", minimum, maximum);
        }

        return values;
    }

    /// <summary>The member of <typeparamref name="T"/> that a string names (any case, as the header's writer spells them).</summary>
    public T Enum<T>(JsonNode? node, string path) where T : struct, Enum
    {
        string text = String(node, path);
        foreach (var name in System.Enum.GetNames<T>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return System.Enum.Parse<T>(name);
            }
        }

        throw Refuse($"its header field '{path}' is '{text}', not one of {string.Join(", ", System.Enum.GetNames<T>())}.");
    }

    /// <summary>A refusal: "'source' is not a valid model: <paramref name="problem"/>".</summary>
    public InvalidDataException Refuse(string problem) => new($"'{Source}' is not a valid model: {problem}");

    private InvalidDataException WrongType(JsonNode? node, string path, string expected) =>
        Refuse($"its header field '{path}' is {Describe(node)}, not {expected}.");

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray array => string.Create(CultureInfo.InvariantCulture, $"an array of {array.Count}"),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            var kind => kind.ToString(),
        },
    };

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
