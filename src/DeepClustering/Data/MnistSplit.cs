namespace DeepClustering.Data;

/// <summary>The two splits of MNIST and Fashion-MNIST, named as their files are.</summary>
public enum MnistSplit
{
    /// <summary>The 60,000 training images, files <c>train-images-idx3-ubyte</c> and <c>train-labels-idx1-ubyte</c>.</summary>
    Train,

    /// <summary>The 10,000 test images, files <c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c>.</summary>
    Test,
}
