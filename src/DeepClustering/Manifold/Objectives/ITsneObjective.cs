namespace DeepClustering.Manifold.Objectives;

/// <summary>t-SNE's objective for fixed input affinities: its gradient, and its value when asked.</summary>
internal interface ITsneObjective
{
    /// <summary>
    /// Writes ∂KL/∂y for the embedding <paramref name="embedding"/> (row-major n × dimensions) into
    /// <paramref name="gradient"/>, with the input affinities multiplied by <paramref name="exaggeration"/>, and
    /// returns the objective with those affinities, or NaN when <paramref name="computeError"/> is false.
    /// </summary>
    double Evaluate(double[] embedding, double[] gradient, double exaggeration, bool computeError);
}
