using DeepClustering.Data;

namespace DeepClustering.Fuzzing;

/// <summary>The promises every IDX entry point makes, checked the same way for each target.</summary>
public static class IdxChecks
{
    /// <summary>
    /// An accepted file holds exactly one array, so writing what was read must give back its bytes: a difference
    /// means the reader accepted bytes it ignored or read values wrongly.
    /// </summary>
    public static string? CheckAccepted(byte[]? plainInput, object result)
    {
        if (result is not IdxArray array)
        {
            return $"the reader returned {result.GetType().Name}, not IdxArray";
        }

        if (plainInput is null)
        {
            return "the reader accepted gzip data that GZipStream does not decompress to one complete stream";
        }

        long count = 1;
        foreach (int size in array.Shape)
        {
            count *= size;
        }

        if (count != array.Length)
        {
            return $"shape {string.Join('x', array.Shape.ToArray())} has {count} elements but the values hold {array.Length}";
        }

        var rewritten = new MemoryStream();
        IdxFile.Write(rewritten, array);
        return rewritten.ToArray().AsSpan().SequenceEqual(plainInput)
            ? null
            : $"the accepted file ({plainInput.Length} bytes) differs from what writing its array gives ({rewritten.Length} bytes)";
    }

    /// <summary>IDX readers throw only <see cref="InvalidDataException"/>, naming the source.</summary>
    public static string? CheckRefused(Exception refusal, string source)
    {
        if (refusal is not InvalidDataException)
        {
            return $"{refusal.GetType().FullName} is not the documented InvalidDataException: {refusal.Message}";
        }

        return refusal.Message.Contains($"'{source}'", StringComparison.Ordinal)
            ? null
            : $"the refusal does not name '{source}': {refusal.Message}";
    }
}
