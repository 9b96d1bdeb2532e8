using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DeepClustering.Fuzzing;

/// <summary>Runs one input through a target and judges the outcome against the reader's promises and the bounds.</summary>
public static partial class FuzzCase
{
    /// <summary>Feeds <paramref name="input"/> to <paramref name="target"/>'s reader, timing and measuring the read.</summary>
    /// <param name="target">The reader under test.</param>
    /// <param name="input">The bytes.</param>
    /// <param name="scratchPath">A file the target may write the input to.</param>
    /// <param name="bounds">What the read may cost.</param>
    public static InputOutcome Run(IFuzzTarget target, byte[] input, string scratchPath, FuzzBounds bounds)
    {
        object? result = null;
        Exception? refusal = null;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        try
        {
            result = target.Read(input, scratchPath);
        }
#pragma warning disable CA1031 // Every exception is judged: an unexpected type is what the fuzzer looks for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            refusal = e;
        }

        double milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        (OutcomeKind kind, string label, string detail) = Judge(target, input, scratchPath, result, refusal);
        if (kind != OutcomeKind.Finding && allocated > bounds.MaxAllocatedBytes)
        {
            (kind, label, detail) = (OutcomeKind.Finding, "memory", $"allocated {allocated} bytes (bound {bounds.MaxAllocatedBytes}); {detail}");
        }
        else if (kind != OutcomeKind.Finding && milliseconds > bounds.MaxMilliseconds)
        {
            (kind, label, detail) = (OutcomeKind.Finding, "slow", $"took {milliseconds:F0} ms (bound {bounds.MaxMilliseconds:F0}); {detail}");
        }

        string signature = $"{kind}:{label}:{Mask(detail, scratchPath)}";
        return new InputOutcome(kind, label, detail, signature, milliseconds, allocated);
    }

    private static (OutcomeKind, string, string) Judge(
        IFuzzTarget target, byte[] input, string scratchPath, object? result, Exception? refusal)
    {
        if (refusal is not null)
        {
            string? broken = target.CheckRefused(refusal, scratchPath);
            return broken is null
                ? (OutcomeKind.Refused, refusal.GetType().Name, refusal.Message)
                : (OutcomeKind.Finding, refusal is InvalidDataException ? "contract" : "exception", $"{broken}\n{refusal}");
        }

        string? wrong;
        try
        {
            wrong = target.CheckAccepted(input, result!, scratchPath);
        }
#pragma warning disable CA1031 // A check that throws is a finding too.
        catch (Exception e)
#pragma warning restore CA1031
        {
            wrong = $"checking what was read threw {e}";
        }

        return wrong is null
            ? (OutcomeKind.Loaded, "loaded", result?.ToString() ?? "")
            : (OutcomeKind.Finding, "contract", wrong);
    }

    /// <summary>
    /// The message's first line without the scratch path, every shape as [shape], the quoted text (from the first quote to the last) as '…' and every number as '#', so that
    /// outcomes group by the reader's message, not by the values in it.
    /// </summary>
    private static string Mask(string detail, string scratchPath)
    {
        string firstLine = detail.Split('\n', 2)[0].Replace(scratchPath, "<file>", StringComparison.Ordinal);
        return Numbers().Replace(Quoted().Replace(Shapes().Replace(firstLine, "[shape]"), "'…'"), "#");
    }

    [GeneratedRegex("-?0x[0-9A-Fa-f]+|-?[0-9]+")]
    private static partial Regex Numbers();

    [GeneratedRegex("'.*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Shapes();
}
