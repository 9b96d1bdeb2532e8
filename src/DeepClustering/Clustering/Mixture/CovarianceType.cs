namespace DeepClustering.Clustering;

/// <summary>The form of each Gaussian component's covariance (scikit-learn's <c>covariance_type</c>).</summary>
public enum CovarianceType
{
    /// <summary>Each component has its own general covariance matrix (d(d+1)/2 parameters).</summary>
    Full,

    /// <summary>Each component has its own diagonal covariance matrix (d parameters).</summary>
    Diagonal,

    /// <summary>Each component has its own single variance, the same in every direction (1 parameter).</summary>
    Spherical,
}
