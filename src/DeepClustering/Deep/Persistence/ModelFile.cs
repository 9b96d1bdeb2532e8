using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using DeepClustering.Data;

namespace DeepClustering.Persistence;

/// <summary>
/// The content of a model file: a JSON header (what the model is, its options, its preprocessing, the shapes and
/// names it needs, when and how it was made) and named <see cref="float"/> tensors (network parameters, cluster
/// centres, …), stored in one versioned file that ends with a SHA-256 checksum. The byte layout is described in
/// docs/model-file.md.
/// </summary>
/// <remarks>
/// <para>
/// Writing to a path is atomic: the file is either replaced by the complete new content or left as it was. Reading
/// refuses, with an <see cref="InvalidDataException"/> that names the file and what is wrong, a file that is not a
/// model file, one of another major format version (<see cref="ModelFormatVersion"/>), one that is truncated or has
/// trailing bytes, one whose checksum does not match (any changed byte), one whose declared counts and sizes do
/// not fit in it, and one whose header is not valid UTF-8 or not one JSON object. Nothing is returned until the whole file has been read and checked.
/// </para>
/// <para>
/// The checksum detects damage, not tampering: anyone who edits a file can recompute it. Load model files only from
/// sources you trust.
/// </para>
/// </remarks>
public sealed class ModelFile
{
    private readonly NamedTensor[] _tensors;
    private readonly Dictionary<string, NamedTensor> _byName;

    /// <summary>Creates the content of a model file.</summary>
    /// <param name="header">The header; the file keeps a deep copy of it.</param>
    /// <param name="tensors">The tensors, with unique names, in the order they are to be stored.</param>
    /// <exception cref="ArgumentException">Two tensors have the same name.</exception>
    public ModelFile(JsonObject header, IEnumerable<NamedTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(tensors);
        _tensors = tensors.ToArray();
        _byName = new Dictionary<string, NamedTensor>(_tensors.Length, StringComparer.Ordinal);
        foreach (var tensor in _tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor, nameof(tensors));
            if (!_byName.TryAdd(tensor.Name, tensor))
            {
                throw new ArgumentException($"Two tensors are named '{tensor.Name}'.", nameof(tensors));
            }
        }

        Header = (JsonObject)header.DeepClone();
        Version = ModelFormatVersion.Current;
    }

    /// <summary>Wraps what the reader has parsed and checked.</summary>
    internal ModelFile(JsonObject header, List<NamedTensor> tensors, ModelFormatVersion version, string source)
    {
        _tensors = [.. tensors];
        _byName = _tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Header = header;
        Version = version;
        Source = source;
    }

    /// <summary>
    /// The header. It belongs to this object: changes to it are written by the next <see cref="Write(string)"/>.
    /// </summary>
    public JsonObject Header { get; }

    /// <summary>The tensors in the order they are stored.</summary>
    public IReadOnlyList<NamedTensor> Tensors => _tensors;

    /// <summary>
    /// The format version of the file this content was read from, or <see cref="ModelFormatVersion.Current"/> for
    /// content created in memory (which is what <see cref="Write(string)"/> writes).
    /// </summary>
    public ModelFormatVersion Version { get; }

    /// <summary>The path or source name this content was read from; null for content created in memory.</summary>
    public string? Source { get; }

    /// <summary>The tensor named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">There is no such tensor; the message names the file.</exception>
    public NamedTensor GetTensor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var tensor)
            ? tensor
            : throw new InvalidDataException($"{Describe()} holds no tensor named '{name}'.");
    }

    /// <summary>Looks up the tensor named <paramref name="name"/>.</summary>
    public bool TryGetTensor(string name, [MaybeNullWhen(false)] out NamedTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out tensor);
    }

    /// <summary>Reads and checks the model file at <paramref name="path"/>.</summary>
    /// <param name="path">The file to read.</param>
    /// <exception cref="InvalidDataException">
    /// The file is not a readable model file: wrong magic, another major format version, truncated, trailing bytes,
    /// a checksum that does not match, or fields that do not fit. The message names the file and the problem.
    /// </exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static ModelFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return ModelFileReader.Read(stream, path);
    }

    /// <summary>Reads and checks one model file from the current position of a stream to its end.</summary>
    /// <param name="stream">The bytes to read; left open. A stream that cannot seek is read as the bytes arrive.</param>
    /// <param name="sourceName">What to call the source in error messages, such as a file or resource name.</param>
    /// <exception cref="InvalidDataException">The bytes are not one readable model file; the message says why.</exception>
    public static ModelFile Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return ModelFileReader.Read(stream, sourceName);
    }

    /// <summary>
    /// Writes this content to <paramref name="path"/> atomically, in format version <see cref="ModelFormatVersion.Current"/>:
    /// the file is either replaced by the complete new content or left as it was.
    /// </summary>
    /// <param name="path">The file to create or replace; its folder must exist.</param>
    /// <exception cref="InvalidOperationException">The content is larger than a model file may be (2 GiB).</exception>
    public void Write(string path) => Write(path, afterEachTensor: null);

    /// <summary>Writes this content to <paramref name="stream"/>, which is left open.</summary>
    /// <param name="stream">Where to write.</param>
    /// <exception cref="InvalidOperationException">The content is larger than a model file may be (2 GiB).</exception>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }

        ModelFileWriter.Write(stream, Header, _tensors, afterEachTensor: null);
    }

    /// <summary>Writes to a path atomically, calling <paramref name="afterEachTensor"/> after each tensor (tests fail part-way with it).</summary>
    internal void Write(string path, Action<NamedTensor>? afterEachTensor)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.Write(path, stream => ModelFileWriter.Write(stream, Header, _tensors, afterEachTensor));
    }

    /// <summary>The source in quotes for messages, or a description of content created in memory.</summary>
    internal string Describe() => Source is null ? "The model (not read from a file)" : $"'{Source}'";
}
