namespace DeepClustering.Clustering;

/// <summary>
/// A fitted model with a likelihood, and so with information criteria on its training data (for example a
/// Gaussian mixture, as scikit-learn's <c>GaussianMixture.bic</c> and <c>aic</c>). Lower is better for both.
/// <see cref="ClusterCountSweep"/> reports them and picks the k with the lowest BIC when models implement this.
/// </summary>
public interface IHasInformationCriteria
{
    /// <summary>Bayesian information criterion, −2·log-likelihood + parameters·ln(n), on the training data.</summary>
    double Bic { get; }

    /// <summary>Akaike information criterion, −2·log-likelihood + 2·parameters, on the training data.</summary>
    double Aic { get; }
}
