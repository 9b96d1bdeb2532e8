using DeepClustering.Tensors;

namespace DeepClustering.Data;

/// <summary>
/// Loads MNIST-style data sets (MNIST, Fashion-MNIST, KMNIST…) from their IDX files: images as floats scaled to
/// [0, 1] in NCHW order, labels as integers.
/// </summary>
public static class MnistLoader
{
    private static readonly float[] s_scaledByte = CreateScaledByteTable();

    /// <summary>
    /// Loads an images file (IDX of unsigned bytes with shape [count, rows, columns], plain or gzip) as
    /// grey-scale images of shape [count, 1, rows, columns], each byte divided by 255.
    /// </summary>
    /// <param name="path">The images file, such as <c>t10k-images-idx3-ubyte.gz</c>.</param>
    /// <exception cref="InvalidDataException">The file is not a well-formed IDX file of unsigned bytes with three dimensions.</exception>
    public static ImageSet LoadImages(string path)
    {
        IdxArray idx = IdxFile.Read(path);
        if (idx.ElementType != IdxElementType.UnsignedByte)
        {
            throw new InvalidDataException(
                $"'{path}' holds {IdxElementTypes.Describe(idx.ElementType)}; images must be unsigned bytes (0x08).");
        }

        if (idx.Rank != 3)
        {
            throw new InvalidDataException(
                $"'{path}' has shape {TensorShape.Format(idx.Shape)}; images need three dimensions: count, rows, columns.");
        }

        byte[] bytes = idx.GetValues<byte>();
        var pixels = new float[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            pixels[i] = s_scaledByte[bytes[i]];
        }

        return new ImageSet(pixels, idx.Size(0), 1, idx.Size(1), idx.Size(2));
    }

    /// <summary>
    /// Loads a labels file (IDX of integers with shape [count], plain or gzip) as one non-negative label per item.
    /// </summary>
    /// <param name="path">The labels file, such as <c>t10k-labels-idx1-ubyte.gz</c>.</param>
    /// <exception cref="InvalidDataException">
    /// The file is not a well-formed one-dimensional IDX file of integers, or a label is negative (the message names the item).
    /// </exception>
    public static int[] LoadLabels(string path)
    {
        IdxArray idx = IdxFile.Read(path);
        if (idx.Rank != 1)
        {
            throw new InvalidDataException(
                $"'{path}' has shape {TensorShape.Format(idx.Shape)}; labels need one dimension: count.");
        }

        // Switch on the declared type, not the array: the runtime lets an sbyte[] pass as a byte[].
        int[] labels = idx.ElementType switch
        {
            IdxElementType.UnsignedByte => Array.ConvertAll(idx.GetValues<byte>(), static b => (int)b),
            IdxElementType.SignedByte => Array.ConvertAll(idx.GetValues<sbyte>(), static b => (int)b),
            IdxElementType.Int16 => Array.ConvertAll(idx.GetValues<short>(), static s => (int)s),
            IdxElementType.Int32 => idx.GetValues<int>(),
            _ => throw new InvalidDataException(
                $"'{path}' holds {IdxElementTypes.Describe(idx.ElementType)}; labels must be integers."),
        };

        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                throw new InvalidDataException($"'{path}' has label {labels[i]} at item {i}; labels must be non-negative.");
            }
        }

        return labels;
    }

    /// <summary>Loads an images file and its labels file and checks that they hold the same number of items.</summary>
    /// <param name="imagesPath">The images file.</param>
    /// <param name="labelsPath">The labels file.</param>
    /// <exception cref="InvalidDataException">A file is malformed, or the counts differ (the message names both files).</exception>
    public static LabeledImageSet Load(string imagesPath, string labelsPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagesPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        ImageSet images = LoadImages(imagesPath);
        int[] labels = LoadLabels(labelsPath);
        if (labels.Length != images.Count)
        {
            throw new InvalidDataException(
                $"The images file '{imagesPath}' holds {images.Count} images but the labels file '{labelsPath}' holds " +
                $"{labels.Length} labels; they must hold the same number.");
        }

        return new LabeledImageSet(images, labels);
    }

    /// <summary>
    /// Loads a split from a folder laid out as MNIST is distributed: <c>train-images-idx3-ubyte</c>,
    /// <c>train-labels-idx1-ubyte</c>, <c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c>, each either
    /// gzip-compressed with a <c>.gz</c> suffix (preferred when both exist) or plain.
    /// </summary>
    /// <param name="folder">The folder holding the files, such as <c>samples/data/mnist</c>.</param>
    /// <param name="split">Which split to load.</param>
    /// <exception cref="FileNotFoundException">A file of the split is missing in both forms; the message names both paths.</exception>
    public static LabeledImageSet LoadSplit(string folder, MnistSplit split)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        string prefix = split switch
        {
            MnistSplit.Train => "train",
            MnistSplit.Test => "t10k",
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Not an MNIST split."),
        };

        return Load(
            FindFile(folder, $"{prefix}-images-idx3-ubyte"),
            FindFile(folder, $"{prefix}-labels-idx1-ubyte"));
    }

    private static string FindFile(string folder, string name)
    {
        string compressed = Path.Combine(folder, name + ".gz");
        if (File.Exists(compressed))
        {
            return compressed;
        }

        string plain = Path.Combine(folder, name);
        if (File.Exists(plain))
        {
            return plain;
        }

        throw new FileNotFoundException($"Neither '{compressed}' nor '{plain}' exists.", compressed);
    }

    private static float[] CreateScaledByteTable()
    {
        var table = new float[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = i / 255f;
        }

        return table;
    }
}
