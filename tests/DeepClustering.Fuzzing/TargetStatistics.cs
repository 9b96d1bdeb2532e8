namespace DeepClustering.Fuzzing;

/// <summary>The tally of one target's run, for the summary.</summary>
public sealed class TargetStatistics(string targetName)
{
    private readonly SortedDictionary<string, long> _refusedByType = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _findingsByKind = new(StringComparer.Ordinal);

    /// <summary>The target's name.</summary>
    public string TargetName { get; } = targetName;

    /// <summary>Inputs run, seeds included.</summary>
    public long Inputs { get; private set; }

    /// <summary>Inputs that loaded and passed the checks.</summary>
    public long Loaded { get; private set; }

    /// <summary>Inputs refused with a documented exception, by its type name.</summary>
    public IReadOnlyDictionary<string, long> RefusedByType => _refusedByType;

    /// <summary>Findings by kind.</summary>
    public IReadOnlyDictionary<string, long> FindingsByKind => _findingsByKind;

    /// <summary>All findings.</summary>
    public long Findings => _findingsByKind.Values.Sum();

    /// <summary>The longest read, in milliseconds.</summary>
    public double MaxMilliseconds { get; private set; }

    /// <summary>The most bytes one read allocated.</summary>
    public long MaxAllocatedBytes { get; private set; }

    /// <summary>Distinct outcome signatures seen (masked messages).</summary>
    public int DistinctOutcomes { get; set; }

    /// <summary>Wall time of the whole run of this target, in seconds.</summary>
    public double Seconds { get; set; }

    /// <summary>Counts <paramref name="outcome"/>.</summary>
    public void Add(InputOutcome outcome)
    {
        Inputs++;
        MaxMilliseconds = Math.Max(MaxMilliseconds, outcome.Milliseconds);
        MaxAllocatedBytes = Math.Max(MaxAllocatedBytes, outcome.AllocatedBytes);
        switch (outcome.Kind)
        {
            case OutcomeKind.Loaded:
                Loaded++;
                break;
            case OutcomeKind.Refused:
                _refusedByType[outcome.Label] = _refusedByType.GetValueOrDefault(outcome.Label) + 1;
                break;
            default:
                _findingsByKind[outcome.Label] = _findingsByKind.GetValueOrDefault(outcome.Label) + 1;
                break;
        }
    }

    /// <summary>One line: inputs, loaded, refused by type, findings, the slowest and largest read.</summary>
    public override string ToString()
    {
        string refused = _refusedByType.Count == 0 ? "none" : string.Join(", ", _refusedByType.Select(p => $"{p.Key} {p.Value}"));
        string findings = _findingsByKind.Count == 0 ? "0" : string.Join(", ", _findingsByKind.Select(p => $"{p.Key} {p.Value}"));
        return $"{TargetName}: {Inputs} inputs in {Seconds:F1} s, {Loaded} loaded, refused: {refused}; findings: {findings}; " +
            $"max {MaxMilliseconds:F1} ms per input, max {MaxAllocatedBytes} bytes allocated per input, {DistinctOutcomes} distinct outcomes";
    }
}
