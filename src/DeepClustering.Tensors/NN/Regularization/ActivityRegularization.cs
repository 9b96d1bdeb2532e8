namespace DeepClustering.Tensors.NN.Regularization;

/// <summary>Finds the <see cref="IActivityRegularizer"/> modules of a network and sums their penalties.</summary>
public static class ActivityRegularization
{
    /// <summary>
    /// The activity regularizers in <paramref name="network"/> and its descendants, in the order of
    /// <see cref="Module.NamedChildren"/> (depth first), each once even when it is shared between sub-networks.
    /// </summary>
    public static IReadOnlyList<IActivityRegularizer> FindAll(Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var found = new List<IActivityRegularizer>();
        var seen = new HashSet<Module>(ReferenceEqualityComparer.Instance);
        Visit(network, found, seen);
        return found;
    }

    /// <summary>The sum of the regularizers' <see cref="IActivityRegularizer.LastPenalty"/>; 0 for none.</summary>
    public static double TotalPenalty(IReadOnlyList<IActivityRegularizer> regularizers)
    {
        ArgumentNullException.ThrowIfNull(regularizers);
        double total = 0;
        for (int i = 0; i < regularizers.Count; i++)
        {
            total += regularizers[i].LastPenalty;
        }

        return total;
    }

    private static void Visit(Module module, List<IActivityRegularizer> found, HashSet<Module> seen)
    {
        if (!seen.Add(module))
        {
            return;
        }

        if (module is IActivityRegularizer regularizer)
        {
            found.Add(regularizer);
        }

        foreach (var (_, child) in module.NamedChildren())
        {
            Visit(child, found, seen);
        }
    }
}
