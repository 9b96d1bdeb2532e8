namespace DeepClustering.Fuzzing;

/// <summary>Finds the repository's root folder, the one holding <c>DeepClustering.sln</c>, from the running assembly.</summary>
public static class RepositoryRoot
{
    private const string SolutionFileName = "DeepClustering.sln";

    /// <summary>The root folder above <see cref="AppContext.BaseDirectory"/>; throws when there is none.</summary>
    public static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds {SolutionFileName}; run the fuzzer inside the repository.");
    }

    /// <summary>The corpus folder of <paramref name="targetName"/>: <c>tests/DeepClustering.Fuzzing/corpus/&lt;target&gt;</c>.</summary>
    public static string CorpusFolder(string repositoryRoot, string targetName) =>
        Path.Combine(repositoryRoot, "tests", "DeepClustering.Fuzzing", "corpus", targetName);
}
