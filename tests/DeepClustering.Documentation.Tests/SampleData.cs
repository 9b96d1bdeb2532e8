using System.Buffers.Binary;
using System.IO.Compression;

namespace DeepClustering.Documentation.Tests;

/// <summary>
/// The folder the documented programs run in: the first images of the shipped MNIST and Fashion-MNIST test splits, laid
/// out where the documentation says they are (<c>mnist/</c> for a package user, <c>samples/data/mnist/</c> in the
/// repository), so that every program runs exactly as written, on a slice small enough for the test suite.
/// </summary>
internal static class SampleData
{
    /// <summary>Images (and labels) in each slice.</summary>
    public const int Count = 300;

    private static readonly Lazy<string> Sandbox = new(Create);

    /// <summary>The folder, made once per test run.</summary>
    public static string Folder => Sandbox.Value;

    private static string Create()
    {
        string folder = Path.Combine(Path.GetTempPath(), "deepclustering-docs-" + Guid.NewGuid().ToString("N"));
        foreach (string set in new[] { "mnist", "fashion-mnist" })
        {
            string source = Path.Combine(DocumentedCode.Root, "samples", "data", set);
            foreach (string target in new[] { Path.Combine(folder, set), Path.Combine(folder, "samples", "data", set) })
            {
                Directory.CreateDirectory(target);
                Slice(Path.Combine(source, "t10k-images-idx3-ubyte.gz"), Path.Combine(target, "t10k-images-idx3-ubyte.gz"), 16, 28 * 28);
                Slice(Path.Combine(source, "t10k-labels-idx1-ubyte.gz"), Path.Combine(target, "t10k-labels-idx1-ubyte.gz"), 8, 1);
            }
        }

        return folder;
    }

    /// <summary>The first <see cref="Count"/> records of a gzipped IDX file, with the count in its header set to match.</summary>
    private static void Slice(string source, string target, int headerBytes, int recordBytes)
    {
        using var input = new GZipStream(File.OpenRead(source), CompressionMode.Decompress);
        var bytes = new byte[headerBytes + Count * recordBytes];
        input.ReadExactly(bytes);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4, 4), Count);
        using var output = new GZipStream(File.Create(target), CompressionLevel.Fastest);
        output.Write(bytes);
    }
}
