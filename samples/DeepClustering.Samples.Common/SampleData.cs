using DeepClustering.Data;

namespace DeepClustering.Samples;

/// <summary>The image sets of the samples: MNIST and Fashion-MNIST, their test split (quick mode) or all 70,000 images (full mode).</summary>
public static class SampleData
{
    /// <summary>The two sets, by their folder name.</summary>
    public static readonly IReadOnlyList<string> Sets = ["mnist", "fashion-mnist"];

    /// <summary>The set's name for a title or a table: MNIST, Fashion-MNIST.</summary>
    public static string DisplayName(string set) => set switch
    {
        "mnist" => "MNIST",
        "fashion-mnist" => "Fashion-MNIST",
        _ => throw new ArgumentException($"Unknown image set '{set}'; the sets are {string.Join(", ", Sets)}.", nameof(set)),
    };

    /// <summary>What the loaded images are, for a report: "MNIST, test split (10,000 images)".</summary>
    public static string Describe(string set, SampleArguments arguments, int count) =>
        arguments.Mode == SampleMode.Quick
            ? $"{DisplayName(set)}, test split ({count:N0} images)"
            : $"{DisplayName(set)}, training and test splits ({count:N0} images)";

    /// <summary>Loads <paramref name="set"/> for the mode of <paramref name="arguments"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">Full mode without the data folder: says how to fill it.</exception>
    public static LabeledImageSet Load(string set, SampleArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        _ = DisplayName(set);
        if (arguments.Mode == SampleMode.Quick)
        {
            return MnistLoader.LoadSplit(Path.Combine(AppContext.BaseDirectory, "data", set), MnistSplit.Test);
        }

        string root = arguments.DataFolder ?? Environment.GetEnvironmentVariable(SampleArguments.DataFolderVariable) ?? "data";
        string folder = Path.Combine(root, set);
        if (!File.Exists(Path.Combine(folder, "train-images-idx3-ubyte.gz")))
        {
            throw new DirectoryNotFoundException(
                $"The full {DisplayName(set)} set is not in {folder}; fill the data folder with `bash scripts/fetch-data.sh {root}` (or pass --data-dir).");
        }

        var train = MnistLoader.LoadSplit(folder, MnistSplit.Train);
        var test = MnistLoader.LoadSplit(folder, MnistSplit.Test);
        var pixels = new float[train.Images.Pixels.Length + test.Images.Pixels.Length];
        train.Images.Pixels.CopyTo(pixels, 0);
        test.Images.Pixels.CopyTo(pixels, train.Images.Pixels.Length);
        var a = train.Images;
        return new LabeledImageSet(new ImageSet(pixels, train.Count + test.Count, a.Channels, a.Height, a.Width), [.. train.Labels, .. test.Labels]);
    }
}
