using System.Globalization;

namespace DeepClustering.Networks;

/// <summary>
/// Where a network trains and predicts: the CPU, one CUDA device by index, or <see cref="Auto"/> (CUDA device 0 when the
/// network backend reports one, else the CPU). A value carried on the options of the object that uses it, never global.
/// </summary>
/// <remarks>Written and parsed as TorchSharp and PyTorch write devices: <c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>, and <c>auto</c>.</remarks>
public readonly record struct ComputeDevice
{
    private ComputeDevice(ComputeDeviceKind kind, int index)
    {
        Kind = kind;
        Index = index;
    }

    /// <summary>Whichever the backend offers first: CUDA device 0, else the CPU.</summary>
    public static ComputeDevice Auto => new(ComputeDeviceKind.Auto, 0);

    /// <summary>The CPU.</summary>
    public static ComputeDevice Cpu => new(ComputeDeviceKind.Cpu, 0);

    /// <summary>CUDA device 0.</summary>
    public static ComputeDevice Cuda => new(ComputeDeviceKind.Cuda, 0);

    /// <summary>The kind of device.</summary>
    public ComputeDeviceKind Kind { get; }

    /// <summary>The CUDA device's index (0 for the CPU and for <see cref="Auto"/>).</summary>
    public int Index { get; }

    /// <summary>Whether this is a CUDA device.</summary>
    public bool IsCuda => Kind == ComputeDeviceKind.Cuda;

    /// <summary>CUDA device <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static ComputeDevice CudaDevice(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new ComputeDevice(ComputeDeviceKind.Cuda, index);
    }

    /// <summary>Parses <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c> (any case).</summary>
    /// <exception cref="FormatException">The text names no device; the message lists the accepted forms.</exception>
    public static ComputeDevice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var device)
            ? device
            : throw new FormatException($"'{text}' is not a device; use cpu, cuda, cuda:N (N = 0, 1, …) or auto.");
    }

    /// <summary>Parses <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c> or <c>auto</c> (any case); false when the text names no device.</summary>
    public static bool TryParse(string? text, out ComputeDevice device)
    {
        device = Auto;
        var value = text?.Trim().ToLowerInvariant();
        switch (value)
        {
            case "auto":
                device = Auto;
                return true;
            case "cpu":
                device = Cpu;
                return true;
            case "cuda":
                device = Cuda;
                return true;
        }

        if (value is not null && value.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            device = CudaDevice(index);
            return true;
        }

        return false;
    }

    /// <summary><c>cpu</c>, <c>cuda:N</c> or <c>auto</c>.</summary>
    public override string ToString() => Kind switch
    {
        ComputeDeviceKind.Cpu => "cpu",
        ComputeDeviceKind.Cuda => $"cuda:{Index.ToString(CultureInfo.InvariantCulture)}",
        _ => "auto",
    };
}
