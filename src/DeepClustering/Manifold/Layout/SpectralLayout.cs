using DeepClustering.Data;
using DeepClustering.Manifold.FuzzyGraph;
using DeepClustering.Numerics.LinearAlgebra;
using DeepClustering.Numerics.Randomness;

namespace DeepClustering.Manifold.Layout;

/// <summary>
/// UMAP's spectral initialisation (umap-learn's <c>spectral_layout</c>): the eigenvectors of the graph's normalised
/// Laplacian I − D^(−1/2) W D^(−1/2) for its 2nd to (d + 1)-th smallest eigenvalues (Belkin and Niyogi's Laplacian
/// eigenmaps). A graph of several connected components is laid out component by component
/// (<c>multi_component_layout</c>): each component's own spectral layout, scaled to half the distance to the nearest
/// other component, around the component's place in a layout of the components; components too small for a
/// spectral layout get uniform noise in that range.
/// </summary>
/// <remarks>
/// The components' places: with at most 2d components, ± the unit vectors, as umap-learn; with more, classical
/// multidimensional scaling of the distances between the components' centroids in the data, divided by its largest
/// coordinate. umap-learn uses a spectral embedding of exp(−distance²) there, which for unscaled data (distances of
/// hundreds, as between MNIST centroids) has no non-zero affinity to embed; scaling preserves the centroids' relative
/// distances instead.
/// </remarks>
internal static class SpectralLayout
{
    /// <summary>The initial layout, n × <paramref name="dimensions"/> row-major, and whether every eigensolve converged.</summary>
    public static (double[] Layout, bool Converged) Compute(SparseGraph graph, DataMatrix data, int dimensions, long seed, ParallelOptions parallel)
    {
        var (labels, count) = ConnectedComponents.Label(graph);
        if (count == 1)
        {
            return Eigenmap(graph, dimensions, seed, parallel);
        }

        int n = graph.Rows;
        var places = count > 2 * dimensions ? CentroidScaling(data, labels, count, dimensions) : UnitVectorPlaces(count, dimensions);
        var layout = new double[(long)n * dimensions];
        var random = new RandomGenerator(seed);
        bool converged = true;
        for (int component = 0; component < count; component++)
        {
            var members = Members(labels, component);
            double range = HalfDistanceToNearestPlace(places, count, dimensions, component);
            if (members.Length < 2 * dimensions || members.Length <= dimensions + 1)
            {
                foreach (int i in members)
                {
                    for (int c = 0; c < dimensions; c++)
                    {
                        layout[(long)i * dimensions + c] = random.NextUniform(-range, range) + places[component * dimensions + c];
                    }
                }

                continue;
            }

            var (own, ok) = Eigenmap(Subgraph(graph, members, labels, component), dimensions, random.Fork().Seed, parallel);
            converged &= ok;
            double largest = 0;
            foreach (double v in own)
            {
                largest = Math.Max(largest, Math.Abs(v));
            }

            double expansion = largest > 0 ? range / largest : 0;
            for (int m = 0; m < members.Length; m++)
            {
                for (int c = 0; c < dimensions; c++)
                {
                    layout[(long)members[m] * dimensions + c] = own[(long)m * dimensions + c] * expansion + places[component * dimensions + c];
                }
            }
        }

        return (layout, converged);
    }

    /// <summary>The eigenvectors of the 2nd to (d + 1)-th largest eigenvalues of the normalised adjacency, n × d.</summary>
    internal static (double[] Layout, bool Converged) Eigenmap(SparseGraph graph, int dimensions, long seed, ParallelOptions parallel)
    {
        int n = graph.Rows;
        var (vectors, _, converged) = ChebyshevSubspaceIteration.Leading(graph, dimensions + 1, seed, parallel);
        var layout = new double[(long)n * dimensions];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < dimensions; c++)
            {
                layout[(long)i * dimensions + c] = vectors[(long)i * (dimensions + 1) + c + 1];
            }
        }

        return (layout, converged);
    }

    /// <summary>umap-learn's places for few components: e₁, …, e_k, −e₁, …, −e_k with k = ⌈components / 2⌉, the first <paramref name="count"/> of them.</summary>
    internal static double[] UnitVectorPlaces(int count, int dimensions)
    {
        int k = (count + 1) / 2;
        var places = new double[count * dimensions];
        for (int component = 0; component < count; component++)
        {
            int axis = component % k;
            places[component * dimensions + axis] = component < k ? 1 : -1;
        }

        return places;
    }

    /// <summary>Classical scaling of the component centroids' squared distances to <paramref name="dimensions"/> coordinates, divided by the largest.</summary>
    internal static double[] CentroidScaling(DataMatrix data, int[] labels, int count, int dimensions)
    {
        int d = data.Columns;
        var centroids = new double[count * d];
        var sizes = new int[count];
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            sizes[labels[i]]++;
            for (int c = 0; c < d; c++)
            {
                centroids[labels[i] * d + c] += row[c];
            }
        }

        for (int component = 0; component < count; component++)
        {
            for (int c = 0; c < d; c++)
            {
                centroids[component * d + c] /= sizes[component];
            }
        }

        // B = −½ J D² J is the Gram matrix of the centred centroids; its leading eigenvectors scaled by √λ are the coordinates.
        var gram = new double[count * count];
        var means = new double[d];
        for (int component = 0; component < count; component++)
        {
            for (int c = 0; c < d; c++)
            {
                means[c] += centroids[component * d + c] / count;
            }
        }

        for (int a = 0; a < count; a++)
        {
            for (int b = 0; b < count; b++)
            {
                double sum = 0;
                for (int c = 0; c < d; c++)
                {
                    sum += (centroids[a * d + c] - means[c]) * (centroids[b * d + c] - means[c]);
                }

                gram[a * count + b] = sum;
            }
        }

        var (values, vectors) = SymmetricEigen.Descending(gram, count);
        var places = new double[count * dimensions];
        double largest = 0;
        for (int component = 0; component < count; component++)
        {
            for (int c = 0; c < Math.Min(dimensions, count); c++)
            {
                double value = vectors[c * count + component] * Math.Sqrt(Math.Max(values[c], 0));
                places[component * dimensions + c] = value;
                largest = Math.Max(largest, value);
            }
        }

        if (largest > 0)
        {
            for (int e = 0; e < places.Length; e++)
            {
                places[e] /= largest;
            }
        }

        return places;
    }

    private static double HalfDistanceToNearestPlace(double[] places, int count, int dimensions, int component)
    {
        double nearest = double.PositiveInfinity;
        for (int other = 0; other < count; other++)
        {
            double sum = 0;
            for (int c = 0; c < dimensions; c++)
            {
                double diff = places[component * dimensions + c] - places[other * dimensions + c];
                sum += diff * diff;
            }

            if (sum > 0)
            {
                nearest = Math.Min(nearest, Math.Sqrt(sum));
            }
        }

        return double.IsPositiveInfinity(nearest) ? 1.0 : nearest / 2;
    }

    private static int[] Members(int[] labels, int component)
    {
        var members = new List<int>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == component)
            {
                members.Add(i);
            }
        }

        return [.. members];
    }

    /// <summary>The graph among <paramref name="members"/>, renumbered in their order (a component's edges stay inside it).</summary>
    private static SparseGraph Subgraph(SparseGraph graph, int[] members, int[] labels, int component)
    {
        var local = new Dictionary<int, int>(members.Length);
        for (int m = 0; m < members.Length; m++)
        {
            local[members[m]] = m;
        }

        var starts = new int[members.Length + 1];
        var targets = new List<int>();
        var weights = new List<float>();
        for (int m = 0; m < members.Length; m++)
        {
            int i = members[m];
            for (int e = graph.RowStarts[i]; e < graph.RowStarts[i + 1]; e++)
            {
                if (labels[graph.Targets[e]] == component)
                {
                    targets.Add(local[graph.Targets[e]]);
                    weights.Add(graph.Weights[e]);
                }
            }

            starts[m + 1] = targets.Count;
        }

        return new SparseGraph(members.Length, members.Length, starts, [.. targets], [.. weights]);
    }
}
