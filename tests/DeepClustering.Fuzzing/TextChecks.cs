namespace DeepClustering.Fuzzing;

/// <summary>The promise of the text readers (CSV and label files) about their refusals.</summary>
public static class TextChecks
{
    /// <summary>Text readers throw only <see cref="InvalidDataException"/>, whose message starts with the file's path.</summary>
    public static string? CheckRefused(Exception refusal, string path)
    {
        if (refusal is not InvalidDataException)
        {
            return $"{refusal.GetType().FullName} is not the documented InvalidDataException: {refusal.Message}";
        }

        return refusal.Message.StartsWith(path, StringComparison.Ordinal)
            ? null
            : $"the refusal does not start with the file's path '{path}': {refusal.Message}";
    }
}
