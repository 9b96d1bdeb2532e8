namespace DeepClustering.Tests;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread at once (<see cref="Progress{T}"/>
/// posts to a synchronisation context, so a test could not count its reports when the call returns).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
