using System.Collections.ObjectModel;
using DeepClustering.Data;

namespace DeepClustering.Clustering;

/// <summary>
/// A fitted Gaussian mixture: weights, means and covariances, the training rows' labels, the mean log-likelihood
/// and the information criteria.
/// </summary>
public sealed class GaussianMixtureModel : IClusteringModel, IHasInformationCriteria, IHasClusterCenters
{
    private readonly GaussianParameters _parameters;
    private readonly int _threads;

    internal GaussianMixtureModel(GaussianParameters parameters, int[] labels, double logLikelihood, double lowerBound, bool converged,
        int iterations, int rows, int threads)
    {
        _parameters = parameters;
        _threads = threads;
        int k = parameters.Components, d = parameters.Columns;
        Labels = new ReadOnlyCollection<int>(labels);
        Weights = new ReadOnlyCollection<double>(parameters.Weights);
        Means = Enumerable.Range(0, k).Select(c => (IReadOnlyList<double>)Array.AsReadOnly(parameters.Means[(c * d)..((c + 1) * d)])).ToArray();
        Covariances = parameters.Covariances!.Select(c => (IReadOnlyList<double>)Array.AsReadOnly((double[])c.Clone())).ToArray();
        LogLikelihood = logLikelihood;
        LowerBound = lowerBound;
        Converged = converged;
        Iterations = iterations;
        ParameterCount = InformationCriteria.ParameterCount(parameters.Type, k, d);
        Bic = InformationCriteria.Bic(logLikelihood, rows, ParameterCount);
        Aic = InformationCriteria.Aic(logLikelihood, rows, ParameterCount);
    }

    /// <inheritdoc />
    public int ClusterCount => _parameters.Components;

    /// <summary>The component means as a ClusterCount × features matrix, rounded to float32.</summary>
    DataMatrix IHasClusterCenters.Centers =>
        new(Array.ConvertAll(_parameters.Means, v => (float)v), _parameters.Components, _parameters.Columns);

    /// <summary>Features per row, as in the training data.</summary>
    public int Columns => _parameters.Columns;

    /// <summary>The form of the covariances.</summary>
    public CovarianceType CovarianceType => _parameters.Type;

    /// <summary>The most probable component of each training row under the final parameters (scikit-learn's <c>fit_predict</c>).</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>The mixing weights (scikit-learn's <c>weights_</c>).</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The mean of each component, Columns values each (scikit-learn's <c>means_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Means { get; }

    /// <summary>
    /// The covariance of each component in scikit-learn's <c>covariances_</c> layout: Columns × Columns values
    /// row-major (full), Columns variances (diagonal) or one variance (spherical). See <see cref="CovarianceMatrix"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Covariances { get; }

    /// <summary>The mean log-likelihood per training row under the final parameters (scikit-learn's <c>score(X)</c>).</summary>
    public double LogLikelihood { get; }

    /// <summary>The lower bound (mean log-likelihood) at the last E-step of the kept run (scikit-learn's <c>lower_bound_</c>).</summary>
    public double LowerBound { get; }

    /// <summary>Whether an initialisation converged within the iteration limit (scikit-learn's <c>converged_</c>).</summary>
    public bool Converged { get; }

    /// <summary>EM iterations of the kept initialisation (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>Free parameters: weights, means and covariances.</summary>
    public long ParameterCount { get; }

    /// <summary>Bayesian information criterion on the training data, −2·n·ℓ + p·ln n (scikit-learn's <c>bic(X)</c>); lower is better.</summary>
    public double Bic { get; }

    /// <summary>Akaike information criterion on the training data, −2·n·ℓ + 2p (scikit-learn's <c>aic(X)</c>); lower is better.</summary>
    public double Aic { get; }

    /// <summary>The full Columns × Columns covariance matrix of <paramref name="component"/>, whatever the covariance type.</summary>
    public double[,] CovarianceMatrix(int component)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(component);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(component, ClusterCount);
        int d = Columns;
        var covariance = _parameters.Covariances![component];
        var matrix = new double[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                matrix[i, j] = CovarianceType switch
                {
                    CovarianceType.Full => covariance[i * d + j],
                    CovarianceType.Diagonal => i == j ? covariance[i] : 0,
                    _ => i == j ? covariance[0] : 0,
                };
            }
        }

        return matrix;
    }

    /// <summary>The most probable component of each row (the lowest index on ties).</summary>
    public int[] Predict(DataMatrix data)
    {
        var (logResponsibilities, _, _) = EStep(data);
        return GaussianMixture.MostProbable(logResponsibilities, data.Rows, ClusterCount);
    }

    /// <summary>The posterior probability of each component for each row, rows × ClusterCount (scikit-learn's <c>predict_proba</c>).</summary>
    public double[,] PredictProba(DataMatrix data)
    {
        var (logResponsibilities, _, _) = EStep(data);
        var probabilities = new double[data.Rows, ClusterCount];
        for (int r = 0; r < data.Rows; r++)
        {
            for (int c = 0; c < ClusterCount; c++)
            {
                probabilities[r, c] = Math.Exp(logResponsibilities[r * ClusterCount + c]);
            }
        }

        return probabilities;
    }

    /// <summary>log p(x) of each row under the mixture (scikit-learn's <c>score_samples</c>).</summary>
    public double[] ScoreSamples(DataMatrix data) => EStep(data).LogNormalizers;

    /// <summary>The mean log-likelihood per row (scikit-learn's <c>score</c>).</summary>
    public double Score(DataMatrix data) => EStep(data).MeanLogLikelihood;

    private (double[] LogResponsibilities, double[] LogNormalizers, double MeanLogLikelihood) EStep(DataMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.RequireFinite(nameof(data));
        if (data.Columns != Columns)
        {
            throw new ArgumentException($"The data have {data.Columns} columns but the model was fitted on {Columns}.", nameof(data));
        }

        return GaussianMixtureEStep.Run(Array.ConvertAll(data.Values, v => (double)v), data.Rows, _parameters, _threads);
    }
}
