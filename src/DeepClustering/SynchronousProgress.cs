namespace DeepClustering;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler at once, on the thread that reports. .NET's
/// <see cref="Progress{T}"/> posts each report to the synchronisation context it was created on (the thread pool in a
/// console app), so its reports may arrive after <c>Fit</c> has returned, out of order; this one cannot. The handler
/// runs inside the fit: keep it short, and let an exception in it stop the fit.
/// </summary>
/// <typeparam name="T">The report's type, for example <see cref="Training.DeepClusteringProgress"/>.</typeparam>
public sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly Action<T> _handler;

    /// <summary>A progress that calls <paramref name="handler"/> with every report.</summary>
    public SynchronousProgress(Action<T> handler)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
    }

    /// <inheritdoc />
    public void Report(T value) => _handler(value);
}
