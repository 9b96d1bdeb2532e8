using DeepClustering.Data;

namespace DeepClustering.Tests.Data;

/// <summary>Loads the test splits of MNIST and Fashion-MNIST that the repository ships under <c>samples/data</c>.</summary>
public class ShippedDataTests
{
    [Fact]
    public void The_shipped_mnist_test_split_has_10000_digits_with_the_known_class_counts()
    {
        LabeledImageSet mnist = LoadShipped("mnist");

        AssertTestSplitShape(mnist);
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], mnist.CountPerClass());
    }

    [Fact]
    public void The_shipped_fashion_mnist_test_split_has_1000_images_of_each_class()
    {
        LabeledImageSet fashion = LoadShipped("fashion-mnist");

        AssertTestSplitShape(fashion);
        Assert.Equal(Enumerable.Repeat(1000, 10), fashion.CountPerClass());
    }

    private static LabeledImageSet LoadShipped(string dataSet) =>
        MnistLoader.LoadSplit(Path.Combine(RepositoryRoot.Path, "samples", "data", dataSet), MnistSplit.Test);

    private static void AssertTestSplitShape(LabeledImageSet split)
    {
        Assert.Equal([10000, 1, 28, 28], split.Images.Shape);
        Assert.Equal(10000, split.Labels.Length);
        Assert.Equal(0f, split.Images.Pixels.Min());
        Assert.Equal(1f, split.Images.Pixels.Max());
    }
}
