namespace DeepClustering.Fuzzing;

/// <summary>What became of one input.</summary>
/// <param name="Kind">Whether it loaded, was refused as documented, or is a finding.</param>
/// <param name="Label">The refusal's exception type, or the finding's kind (exception, contract, slow, memory).</param>
/// <param name="Detail">What the reader returned or said, for the summary and the corpus note.</param>
/// <param name="Signature">The outcome with numbers and paths masked: inputs with a new signature join the pool.</param>
/// <param name="Milliseconds">Wall time of the read.</param>
/// <param name="AllocatedBytes">Bytes the read allocated on this thread.</param>
public sealed record InputOutcome(
    OutcomeKind Kind, string Label, string Detail, string Signature, double Milliseconds, long AllocatedBytes);

/// <summary>The three fates of an input.</summary>
public enum OutcomeKind
{
    /// <summary>The reader returned a value that passed the target's checks.</summary>
    Loaded,

    /// <summary>The reader threw a documented exception that names the source.</summary>
    Refused,

    /// <summary>Anything else: an undocumented exception, a broken promise, too slow or too much memory.</summary>
    Finding,
}
