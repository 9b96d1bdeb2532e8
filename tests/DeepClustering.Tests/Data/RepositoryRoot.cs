namespace DeepClustering.Tests.Data;

/// <summary>Finds the repository's root folder, the one holding <c>DeepClustering.sln</c>, from the test assembly.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFileName = "DeepClustering.sln";

    /// <summary>The root folder; throws when no folder above the test assembly holds the solution file.</summary>
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above '{AppContext.BaseDirectory}' holds {SolutionFileName}; the tests must run inside the repository.");
    }
}
