namespace DeepClustering.Data;

/// <summary>Images with one class label each, such as an MNIST split.</summary>
public sealed class LabeledImageSet
{
    /// <summary>Pairs <paramref name="images"/> with <paramref name="labels"/> (neither is copied).</summary>
    /// <param name="images">The images.</param>
    /// <param name="labels">One non-negative class label per image, in the same order.</param>
    /// <exception cref="ArgumentException">The counts differ, or a label is negative.</exception>
    public LabeledImageSet(ImageSet images, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != images.Count)
        {
            throw new ArgumentException(
                $"There are {labels.Length} labels for {images.Count} images; there must be one per image.", nameof(labels));
        }

        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0)
            {
                throw new ArgumentException($"Label {i} is {labels[i]}; labels must be non-negative.", nameof(labels));
            }
        }

        Images = images;
        Labels = labels;
        ClassCount = labels.Length == 0 ? 0 : labels.Max() + 1;
    }

    /// <summary>The images.</summary>
    public ImageSet Images { get; }

    /// <summary>The class of each image, in image order.</summary>
    public int[] Labels { get; }

    /// <summary>The number of images (and labels).</summary>
    public int Count => Labels.Length;

    /// <summary>One more than the largest label: the number of classes when labels run from 0.</summary>
    public int ClassCount { get; }

    /// <summary>How many images each class has: element <c>c</c> counts the images labelled <c>c</c>.</summary>
    public int[] CountPerClass()
    {
        var counts = new int[ClassCount];
        foreach (int label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }
}
