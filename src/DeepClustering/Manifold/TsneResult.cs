using DeepClustering.Data;

namespace DeepClustering.Manifold;

/// <summary>The outcome of a t-SNE run.</summary>
public sealed class TsneResult
{
    internal TsneResult(DataMatrix embedding, double klDivergence, int iterations, TsneMethod method, double learningRate)
    {
        Embedding = embedding;
        KlDivergence = klDivergence;
        Iterations = iterations;
        Method = method;
        LearningRate = learningRate;
    }

    /// <summary>The embedding, one row per input row, <see cref="TsneOptions.Dimensions"/> columns (<c>embedding_</c>).</summary>
    public DataMatrix Embedding { get; }

    /// <summary>
    /// The Kullback-Leibler divergence KL(P‖Q) at the last gradient step, computed as scikit-learn computes
    /// <c>kl_divergence_</c> for the method used (for Barnes-Hut: over the neighbour pairs, with the tree's
    /// approximation of the normalisation).
    /// </summary>
    public double KlDivergence { get; }

    /// <summary>Gradient steps taken; scikit-learn's <c>n_iter_</c> is this minus one (the index of the last step).</summary>
    public int Iterations { get; }

    /// <summary>The method used (<see cref="TsneMethod.Auto"/> resolved).</summary>
    public TsneMethod Method { get; }

    /// <summary>The learning rate used (<c>learning_rate_</c>, with "auto" resolved).</summary>
    public double LearningRate { get; }
}
