using DeepClustering.Data;

namespace DeepClustering.Cli;

/// <summary>Resolves the <c>--data</c> argument of the commands to a labelled image set.</summary>
internal static class DataSources
{
    public const string Help =
        "mnist-test or fashion-mnist-test (the 10,000-image test splits shipped with the program), " +
        "or idx:IMAGES[,LABELS] (IDX files, plain or gzip)";

    public static LabeledImageSet Load(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        string shipped = Path.Combine(AppContext.BaseDirectory, "data");
        switch (source)
        {
            case "mnist-test":
                return MnistLoader.LoadSplit(Path.Combine(shipped, "mnist"), MnistSplit.Test);
            case "fashion-mnist-test":
                return MnistLoader.LoadSplit(Path.Combine(shipped, "fashion-mnist"), MnistSplit.Test);
        }

        if (source.StartsWith("idx:", StringComparison.Ordinal))
        {
            var paths = source[4..].Split(',', 2);
            var images = MnistLoader.LoadImages(paths[0]);
            var labels = paths.Length == 2 ? MnistLoader.LoadLabels(paths[1]) : new int[images.Count];
            return new LabeledImageSet(images, labels);
        }

        throw new ArgumentException($"Unknown data source '{source}'. Use {Help}.", nameof(source));
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
}
