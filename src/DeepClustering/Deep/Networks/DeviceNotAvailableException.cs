namespace DeepClustering.Networks;

/// <summary>
/// A network backend cannot run on the device asked for: CUDA with the managed engine, CUDA without a CUDA build of
/// libtorch, a CUDA index past the devices present, or a native library that does not load. The message names what is
/// missing and what to add.
/// </summary>
public sealed class DeviceNotAvailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeviceNotAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public DeviceNotAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The device that was asked for, when one was.</summary>
    public ComputeDevice? Device { get; init; }

    /// <summary>The backend that refused it, when known.</summary>
    public string? Backend { get; init; }
}
