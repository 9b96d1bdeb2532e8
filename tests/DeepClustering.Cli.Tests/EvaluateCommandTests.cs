using System.Text.Json.Nodes;

namespace DeepClustering.Cli.Tests;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Evaluate_writes_the_external_and_internal_scores_as_json()
    {
        File.WriteAllLines(_folder.File("truth.txt"), ["0", "0", "1", "1", "2", "2"]);
        File.WriteAllLines(_folder.File("pred.txt"), ["5", "5", "7", "7", "7", "9"]);
        File.WriteAllLines(_folder.File("features.csv"), ["0,0", "0,1", "10,10", "10,11", "11,10", "30,30"]);
        string json = _folder.File("scores.json");

        int exit = CommandLine.Run("evaluate", "--labels-true", _folder.File("truth.txt"), "--labels-pred", _folder.File("pred.txt"),
            "--features", _folder.File("features.csv"), "--json", json);

        Assert.Equal(0, exit);
        var scores = JsonNode.Parse(File.ReadAllText(json))!.AsObject();
        // Hungarian matching: 5→0 (2 right), 7→1 (2 right), 9→2 (1 right): 5 of 6.
        Assert.Equal(5.0 / 6.0, (double)scores["acc"]!, 12);
        foreach (var key in new[] { "nmi", "ari", "silhouette", "calinski_harabasz", "davies_bouldin" })
        {
            Assert.True(scores.ContainsKey(key), $"missing {key}");
        }
    }

    [Fact]
    public void Label_files_of_different_lengths_fail_with_exit_code_1()
    {
        File.WriteAllLines(_folder.File("truth.txt"), ["0", "1", "1"]);
        File.WriteAllLines(_folder.File("pred.txt"), ["0", "1"]);

        int exit = CommandLine.Run("evaluate", "--labels-true", _folder.File("truth.txt"), "--labels-pred", _folder.File("pred.txt"));

        Assert.Equal(1, exit);
    }
}
