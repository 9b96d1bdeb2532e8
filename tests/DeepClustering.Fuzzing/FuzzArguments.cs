using System.Globalization;

namespace DeepClustering.Fuzzing;

/// <summary>The fuzzer's command line, parsed; see Program.cs for its usage.</summary>
public sealed record FuzzArguments
{
    /// <summary>A target's name, or <c>all</c>.</summary>
    public string Target { get; init; } = "all";

    /// <summary>Inputs per target, seeds included; null for no limit.</summary>
    public long? Inputs { get; init; }

    /// <summary>Seconds in all, shared among the targets; null for no limit.</summary>
    public double? Seconds { get; init; }

    /// <summary>The seed of the mutations.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Where findings go; null for <c>tests/DeepClustering.Fuzzing/corpus</c>.</summary>
    public string? CorpusFolder { get; init; }

    /// <summary>See <see cref="FuzzBounds.MaxMilliseconds"/>.</summary>
    public double MaxMilliseconds { get; init; } = new FuzzBounds().MaxMilliseconds;

    /// <summary>See <see cref="FuzzBounds.MaxAllocatedBytes"/>.</summary>
    public long MaxAllocatedBytes { get; init; } = new FuzzBounds().MaxAllocatedBytes;

    /// <summary>See <see cref="FuzzBounds.HangSeconds"/>.</summary>
    public double HangSeconds { get; init; } = new FuzzBounds().HangSeconds;

    /// <summary>Parses <paramref name="args"/>; with neither --inputs nor --seconds, 10,000 inputs per target.</summary>
    /// <exception cref="ArgumentException">An unknown flag, a missing value or a value out of range, named.</exception>
    public static FuzzArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new FuzzArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            parsed = flag switch
            {
                "--target" => parsed with { Target = Value() },
                "--inputs" => parsed with { Inputs = Positive(flag, long.Parse(Number(flag, Value()), CultureInfo.InvariantCulture)) },
                "--seconds" => parsed with { Seconds = Positive(flag, double.Parse(Number(flag, Value()), CultureInfo.InvariantCulture)) },
                "--seed" => parsed with { Seed = int.Parse(Number(flag, Value()), CultureInfo.InvariantCulture) },
                "--corpus" => parsed with { CorpusFolder = Value() },
                "--max-ms" => parsed with { MaxMilliseconds = Positive(flag, double.Parse(Number(flag, Value()), CultureInfo.InvariantCulture)) },
                "--max-mb" => parsed with { MaxAllocatedBytes = Positive(flag, long.Parse(Number(flag, Value()), CultureInfo.InvariantCulture)) << 20 },
                "--hang-seconds" => parsed with { HangSeconds = Positive(flag, double.Parse(Number(flag, Value()), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option '{flag}'; see tests/DeepClustering.Fuzzing/Program.cs for the usage."),
            };
        }

        return parsed.Inputs is null && parsed.Seconds is null ? parsed with { Inputs = 10_000 } : parsed;
    }

    private static string Number(string flag, string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-')
            ? text
            : throw new ArgumentException($"{flag}: '{text}' is not a number.");

    private static T Positive<T>(string flag, T value)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{flag}: {value} is not positive.");
}
