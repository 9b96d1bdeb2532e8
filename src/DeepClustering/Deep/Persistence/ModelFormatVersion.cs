namespace DeepClustering.Persistence;

/// <summary>
/// The version of the model-file format: a reader accepts every minor version of its own major version and
/// refuses every other major version.
/// </summary>
/// <remarks>
/// The major version changes when the byte layout or the meaning of a field changes, so that an older reader would
/// misread the file. The minor version changes for additions an older reader of the same major version can skip,
/// such as new header fields or new tensors.
/// </remarks>
/// <param name="Major">Incremented for changes that older readers cannot read.</param>
/// <param name="Minor">Incremented for additions that older readers of the same major version can ignore.</param>
public readonly record struct ModelFormatVersion(ushort Major, ushort Minor)
{
    /// <summary>The version this library writes, and whose major version it reads.</summary>
    public static ModelFormatVersion Current { get; } = new(1, 0);

    /// <summary>Whether this library reads files of this version: the major version must equal the current one.</summary>
    public bool IsReadable => Major == Current.Major;

    /// <summary>The version as <c>major.minor</c>, for example <c>1.0</c>.</summary>
    public override string ToString() => $"{Major}.{Minor}";
}
