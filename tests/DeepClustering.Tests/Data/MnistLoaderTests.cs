using DeepClustering.Data;
using DeepClustering.Tensors.Backends.Cpu;

namespace DeepClustering.Tests.Data;

public class MnistLoaderTests
{
    [Fact]
    public void Images_load_as_one_channel_scaled_to_the_unit_interval()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("images.gz");
        IdxFile.Write(path, IdxArray.Create(new byte[] { 0, 51, 102, 255, 255, 0, 0, 0 }, 2, 2, 2), IdxCompression.Gzip);

        ImageSet images = MnistLoader.LoadImages(path);

        Assert.Equal([2, 1, 2, 2], images.Shape);
        Assert.Equal(new[] { 0f, 0.2f, 0.4f, 1f, 1f, 0f, 0f, 0f }, images.Pixels);
        Assert.Equal(new[] { 1f, 0f, 0f, 0f }, images.Image(1).ToArray());
    }

    [Fact]
    public void Images_become_tensors_in_nchw_and_flattened_layouts()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("images");
        IdxFile.Write(path, IdxArray.Create(new byte[3 * 4 * 5], 3, 4, 5));
        using var backend = new CpuBackend(new CpuBackendOptions { Threads = 1 });

        ImageSet images = MnistLoader.LoadImages(path);

        Assert.Equal([3, 1, 4, 5], images.ToTensor(backend).Shape.ToArray());
        Assert.Equal([3, 20], images.ToFlatTensor(backend).Shape.ToArray());
    }

    [Fact]
    public void Labels_of_any_integer_type_load_as_ints()
    {
        using var folder = new TemporaryFolder();
        string bytes = folder.File("bytes");
        string ints = folder.File("ints");
        IdxFile.Write(bytes, IdxArray.Create(new byte[] { 7, 2, 1 }, 3));
        IdxFile.Write(ints, IdxArray.Create(new[] { 7, 2, 100_000 }, 3));

        Assert.Equal([7, 2, 1], MnistLoader.LoadLabels(bytes));
        Assert.Equal([7, 2, 100_000], MnistLoader.LoadLabels(ints));
    }

    [Fact]
    public void A_negative_label_is_refused_with_its_item()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("labels");
        IdxFile.Write(path, IdxArray.Create(new sbyte[] { 1, 0, -3, 2 }, 4));

        var refusal = Assert.Throws<InvalidDataException>(() => MnistLoader.LoadLabels(path));

        Assert.Equal($"'{path}' has label -3 at item 2; labels must be non-negative.", refusal.Message);
    }

    [Fact]
    public void Images_and_labels_of_different_counts_are_refused_naming_both_files()
    {
        using var folder = new TemporaryFolder();
        string imagesPath = folder.File("images");
        string labelsPath = folder.File("labels");
        IdxFile.Write(imagesPath, IdxArray.Create(new byte[3 * 2 * 2], 3, 2, 2));
        IdxFile.Write(labelsPath, IdxArray.Create(new byte[] { 0, 1 }, 2));

        var refusal = Assert.Throws<InvalidDataException>(() => MnistLoader.Load(imagesPath, labelsPath));

        Assert.Equal(
            $"The images file '{imagesPath}' holds 3 images but the labels file '{labelsPath}' holds 2 labels; " +
            "they must hold the same number.",
            refusal.Message);
    }

    [Fact]
    public void Images_that_are_not_three_dimensional_unsigned_bytes_are_refused()
    {
        using var folder = new TemporaryFolder();
        string floats = folder.File("floats");
        string flat = folder.File("flat");
        IdxFile.Write(floats, IdxArray.Create(new float[8], 2, 2, 2));
        IdxFile.Write(flat, IdxArray.Create(new byte[8], 8));

        Assert.Contains("holds 32-bit floats (0x0D); images must be unsigned bytes",
            Assert.Throws<InvalidDataException>(() => MnistLoader.LoadImages(floats)).Message, StringComparison.Ordinal);
        Assert.Contains("has shape [8]; images need three dimensions",
            Assert.Throws<InvalidDataException>(() => MnistLoader.LoadImages(flat)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_loads_from_gzip_or_plain_files_and_a_missing_file_is_named()
    {
        using var folder = new TemporaryFolder();
        IdxFile.Write(folder.File("t10k-images-idx3-ubyte.gz"), IdxArray.Create(new byte[] { 255, 0 }, 2, 1, 1), IdxCompression.Gzip);
        IdxFile.Write(folder.File("t10k-labels-idx1-ubyte"), IdxArray.Create(new byte[] { 4, 0 }, 2));

        LabeledImageSet test = MnistLoader.LoadSplit(folder.Path, MnistSplit.Test);

        Assert.Equal(2, test.Count);
        Assert.Equal(5, test.ClassCount);
        Assert.Equal([1, 0, 0, 0, 1], test.CountPerClass());
        var missing = Assert.Throws<FileNotFoundException>(() => MnistLoader.LoadSplit(folder.Path, MnistSplit.Train));
        Assert.Contains(folder.File("train-images-idx3-ubyte.gz"), missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pairing_images_with_labels_of_another_count_is_refused()
    {
        var images = new ImageSet(new float[4], 2, 1, 1, 2);

        var refusal = Assert.Throws<ArgumentException>(() => new LabeledImageSet(images, [1, 2, 3]));

        Assert.Equal("labels", refusal.ParamName);
    }
}
