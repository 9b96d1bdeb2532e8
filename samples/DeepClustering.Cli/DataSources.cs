using DeepClustering.Data;

namespace DeepClustering.Cli;

/// <summary>Resolves the <c>--data</c> and <c>--labels</c> arguments of the commands.</summary>
internal static class DataSources
{
    /// <summary>The environment variable that names the data folder filled by scripts/fetch-data.sh.</summary>
    public const string DataFolderVariable = "DEEPCLUSTERING_DATA";

    public const string ImageHelp =
        "mnist-test or fashion-mnist-test (the 10,000-image test splits shipped with the program), " +
        "mnist or fashion-mnist (all 70,000 images, from the data folder: --data-dir or $" + DataFolderVariable + ", filled by scripts/fetch-data.sh), " +
        "or idx:IMAGES[,LABELS] (IDX files, plain or gzip)";

    public const string MatrixHelp = ImageHelp + ", or csv:FILE (numbers, one row per sample, no header)";

    /// <summary>Loads an image set; labels are zeros where the source has none.</summary>
    public static (LabeledImageSet Set, bool HasLabels) LoadImages(string source, string? dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        string shipped = Path.Combine(AppContext.BaseDirectory, "data");
        switch (source)
        {
            case "mnist-test":
                return (MnistLoader.LoadSplit(Path.Combine(shipped, "mnist"), MnistSplit.Test), true);
            case "fashion-mnist-test":
                return (MnistLoader.LoadSplit(Path.Combine(shipped, "fashion-mnist"), MnistSplit.Test), true);
            case "mnist":
            case "fashion-mnist":
                return (LoadFull(Path.Combine(ResolveDataFolder(dataFolder), source)), true);
        }

        if (source.StartsWith("idx:", StringComparison.Ordinal))
        {
            var paths = source[4..].Split(',', 2);
            var images = MnistLoader.LoadImages(paths[0]);
            return paths.Length == 2
                ? (new LabeledImageSet(images, MnistLoader.LoadLabels(paths[1])), true)
                : (new LabeledImageSet(images, new int[images.Count]), false);
        }

        throw new ArgumentException($"Unknown image source '{source}'. Use {ImageHelp}.", nameof(source));
    }

    /// <summary>
    /// Loads a data matrix (images flattened to rows), the shape of one sample ([channels, height, width] for images,
    /// [columns] for a CSV) and the labels when the source or <paramref name="labelsPath"/> has them.
    /// </summary>
    public static (DataMatrix Data, int[] SampleShape, int[]? Labels) LoadMatrix(string source, string? dataFolder, string? labelsPath)
    {
        DataMatrix data;
        int[] sampleShape;
        int[]? labels = null;
        if (source.StartsWith("csv:", StringComparison.Ordinal))
        {
            data = CsvMatrix.Read(source[4..]);
            sampleShape = [data.Columns];
        }
        else
        {
            var (set, hasLabels) = LoadImages(source, dataFolder);
            data = new DataMatrix(set.Images.Pixels, set.Count, set.Images.ValuesPerImage);
            sampleShape = [set.Images.Channels, set.Images.Height, set.Images.Width];
            labels = hasLabels ? set.Labels : null;
        }

        if (labelsPath is not null)
        {
            labels = ReadLabels(labelsPath);
        }

        if (labels is not null && labels.Length != data.Rows)
        {
            throw new ArgumentException($"There are {labels.Length} labels for {data.Rows} rows of data; one label per row is needed.");
        }

        return (data, sampleShape, labels);
    }

    /// <summary>The first <paramref name="count"/> images of a set (all of them when count is 0 or larger).</summary>
    public static LabeledImageSet Take(LabeledImageSet set, int count)
    {
        if (count <= 0 || count >= set.Count)
        {
            return set;
        }

        var images = set.Images;
        var pixels = images.Pixels.AsSpan(0, count * images.ValuesPerImage).ToArray();
        return new LabeledImageSet(new ImageSet(pixels, count, images.Channels, images.Height, images.Width), set.Labels[..count]);
    }

    /// <summary>Labels from an IDX file (recognised by its magic bytes) or a text file of one integer per line.</summary>
    public static int[] ReadLabels(string path)
    {
        using (var stream = File.OpenRead(path))
        {
            Span<byte> head = stackalloc byte[2];
            int read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            bool gzip = read == 2 && head[0] == 0x1F && head[1] == 0x8B;
            bool idx = read == 2 && head[0] == 0 && head[1] == 0;
            if (gzip || idx)
            {
                stream.Close();
                return MnistLoader.LoadLabels(path);
            }
        }

        return LabelFile.Read(path);
    }

    private static string ResolveDataFolder(string? dataFolder)
    {
        string? folder = dataFolder ?? Environment.GetEnvironmentVariable(DataFolderVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ArgumentException(
                $"The full data sets need a data folder: pass --data-dir or set {DataFolderVariable}; fill it with scripts/fetch-data.sh.");
        }

        return folder;
    }

    /// <summary>The 60,000 training and 10,000 test images of an MNIST-style folder, in that order.</summary>
    private static LabeledImageSet LoadFull(string folder)
    {
        var train = MnistLoader.LoadSplit(folder, MnistSplit.Train);
        var test = MnistLoader.LoadSplit(folder, MnistSplit.Test);
        var a = train.Images;
        var pixels = new float[a.Pixels.Length + test.Images.Pixels.Length];
        a.Pixels.CopyTo(pixels, 0);
        test.Images.Pixels.CopyTo(pixels, a.Pixels.Length);
        var images = new ImageSet(pixels, train.Count + test.Count, a.Channels, a.Height, a.Width);
        return new LabeledImageSet(images, [.. train.Labels, .. test.Labels]);
    }
}
