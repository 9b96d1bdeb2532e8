namespace DeepClustering.Fuzzing;

/// <summary>
/// One reader under test: its valid seed inputs, how to mutate them, how to feed an input to the reader, and what
/// the reader promises. Add a target by writing one class and listing it in <see cref="FuzzTargets.All"/>.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The name on the command line and of the corpus folder, such as <c>idx-gz</c>.</summary>
    string Name { get; }

    /// <summary>The extension of this target's corpus files, with its dot, such as <c>.gz</c>.</summary>
    string FileExtension { get; }

    /// <summary>Tokens of the format for the mutator to insert.</summary>
    IReadOnlyList<byte[]> Dictionary { get; }

    /// <summary>Valid inputs to start from; each must load.</summary>
    IReadOnlyList<byte[]> CreateSeeds();

    /// <summary>A new input made from <paramref name="parent"/> (not changed) with <paramref name="mutator"/>.</summary>
    byte[] Mutate(byte[] parent, Mutator mutator);

    /// <summary>Feeds <paramref name="input"/> to the reader and returns what it read; throws what the reader throws.</summary>
    /// <param name="input">The bytes of the file or stream.</param>
    /// <param name="scratchPath">A file this target may write the input to and read it from.</param>
    object Read(byte[] input, string scratchPath);

    /// <summary>Why <paramref name="result"/> is not what <paramref name="input"/> holds, or null when it is.</summary>
    string? CheckAccepted(byte[] input, object result, string scratchPath);

    /// <summary>
    /// Why <paramref name="refusal"/> breaks the reader's promise (a type its docs do not name, or a message that
    /// does not name the source), or null when it keeps it.
    /// </summary>
    string? CheckRefused(Exception refusal, string scratchPath);
}
