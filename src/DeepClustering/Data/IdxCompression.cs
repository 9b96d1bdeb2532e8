namespace DeepClustering.Data;

/// <summary>How <see cref="IdxFile"/> writes a file. Reading detects gzip by its magic bytes, whatever the file name.</summary>
public enum IdxCompression
{
    /// <summary>The plain IDX bytes.</summary>
    None,

    /// <summary>The IDX bytes compressed with gzip, as MNIST is distributed (<c>*.gz</c>).</summary>
    Gzip,
}
