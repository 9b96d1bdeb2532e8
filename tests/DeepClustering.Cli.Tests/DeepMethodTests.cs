using System.Text.Json.Nodes;

namespace DeepClustering.Cli.Tests;

public sealed class DeepMethodTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("ae-kmeans")]
    [InlineData("dec")]
    [InlineData("idec")]
    [InlineData("dssec")]
    [InlineData("dekm")]
    public void Deep_methods_train_write_results_with_history_and_a_model_that_predict_reads(string method)
    {
        var (data, truth) = BlobFiles.Write(_folder);
        string output = _folder.File("out-" + method);
        string model = _folder.File(method + ".dclm");

        int exit = CommandLine.Run(["cluster", "--method", method, "--encoder", method == "dssec" ? "sparse" : "dense",
            "--data", "csv:" + data, "--labels", truth, "--clusters", "3", "--embedding-dimension", "3", "--pretrain-epochs", "3",
            "--pretrain-optimizer", "adam", "--batch-size", "32", "--threads", "1", "--seed", "2", "--out", output, "--save-model", model,
            .. CommandLine.RefinementCap(method, 20)]);

        Assert.Equal(0, exit);
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "results.json")))!.AsObject();
        Assert.Equal(method, (string?)results["method"]);
        Assert.Equal(3, (int)results["clusters"]!);
        Assert.True((double)results["pretrain_seconds"]! > 0);
        foreach (var key in new[] { "acc", "nmi", "ari", "seconds" })
        {
            Assert.True(results.ContainsKey(key), $"results.json lacks {key}");
        }

        var history = results["history"]!.AsArray();
        // The sparse encoder is pretrained greedily first: 3 epochs for each of its 4 rungs, then 3 end to end.
        Assert.Equal(method == "dssec" ? (4 * 3) + 3 : 3, history.Count(r => (string?)r!["phase"] == "pretraining"));
        Assert.Contains(history, r => (string?)r!["phase"] == "clustering" && r["acc"] is not null);
        Assert.Equal(method != "ae-kmeans", history.Any(r => (string?)r!["phase"] == "refinement"));

        string predicted = _folder.File("predict-" + method);
        Assert.Equal(0, CommandLine.Run("predict", "--model", model, "--data", "csv:" + data, "--labels", truth, "--threads", "1", "--out", predicted));
        Assert.Equal(File.ReadAllLines(Path.Combine(output, "labels.txt")), File.ReadAllLines(Path.Combine(predicted, "labels.txt")));
    }

    [Fact]
    public void A_pretrained_model_is_reused_without_pretraining_and_ae_kmeans_from_it_gives_its_labels()
    {
        var (data, truth) = BlobFiles.Write(_folder);
        string pretrained = _folder.File("ae.dclm");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--data", "csv:" + data, "--clusters", "3",
            "--embedding-dimension", "3", "--pretrain-epochs", "3", "--batch-size", "32", "--threads", "1", "--seed", "4",
            "--out", _folder.File("out-ae"), "--save-model", pretrained));

        string again = _folder.File("out-again");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "ae-kmeans", "--pretrained-model", pretrained, "--data", "csv:" + data,
            "--labels", truth, "--clusters", "3", "--threads", "1", "--seed", "4", "--out", again));
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(again, "results.json")))!.AsObject();
        Assert.Equal(0.0, (double)results["pretrain_seconds"]!);
        Assert.Equal(pretrained, (string?)results["pretrained_model"]);
        Assert.DoesNotContain(results["history"]!.AsArray(), r => (string?)r!["phase"] == "pretraining");
        Assert.Equal(File.ReadAllLines(Path.Combine(_folder.File("out-ae"), "labels.txt")), File.ReadAllLines(Path.Combine(again, "labels.txt")));

        string idec = _folder.File("out-idec");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "idec", "--pretrained-model", pretrained, "--data", "csv:" + data,
            "--clusters", "3", "--max-iterations", "20", "--threads", "1", "--out", idec));
        Assert.Equal(1, CommandLine.Run("cluster", "--method", "idec", "--pretrained-model", pretrained, "--encoder", "dense",
            "--data", "csv:" + data, "--clusters", "3", "--out", _folder.File("out-both")));
    }

    [Fact]
    public void Sparsity_options_reach_the_sparse_encoder_and_are_refused_for_another()
    {
        var (data, _) = BlobFiles.Write(_folder);
        string model = _folder.File("sparse.dclm");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "sparse", "--sparsity-weight", "0.25",
            "--sparsity-target", "0.1", "--data", "csv:" + data, "--clusters", "3", "--embedding-dimension", "3", "--pretrain-epochs", "1",
            "--batch-size", "32", "--threads", "1", "--out", _folder.File("out-sparse"), "--save-model", model));
        using (var loaded = DeepClustering.Pipeline.DeepClusteringModel.Load(model, threads: 1))
        {
            Assert.Equal(0.25, loaded.Network.Architecture!.SparsityWeight);
            Assert.Equal(0.1, loaded.Network.Architecture!.SparsityTarget);
        }

        Assert.Equal(1, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--sparsity-weight", "0.25",
            "--data", "csv:" + data, "--clusters", "3", "--out", _folder.File("out-dense-sparsity")));
        Assert.Equal(1, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--layerwise-epochs", "2",
            "--data", "csv:" + data, "--clusters", "3", "--out", _folder.File("out-dense-layerwise")));
    }

    [Fact]
    public void The_pretraining_optimizer_options_are_written_to_the_results_and_momentum_is_refused_for_adam()
    {
        var (data, _) = BlobFiles.Write(_folder);
        string sgd = _folder.File("out-sgd");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--pretrain-optimizer", "sgd",
            "--pretrain-learning-rate", "0.05", "--pretrain-momentum", "0.5", "--data", "csv:" + data, "--clusters", "3", "--embedding-dimension", "3", "--pretrain-epochs", "2",
            "--batch-size", "32", "--threads", "1", "--out", sgd));
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(sgd, "results.json")))!.AsObject();
        Assert.Equal("sgd", (string?)results["pretrain_optimizer"]);
        Assert.Equal(0.05, (double)results["pretrain_learning_rate"]!, 6);
        Assert.Equal(0.5, (double)results["pretrain_momentum"]!);
        Assert.Equal(2, (int)results["pretrain_epochs"]!);

        string adam = _folder.File("out-adam");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--pretrain-learning-rate", "0.002",
            "--data", "csv:" + data, "--clusters", "3", "--embedding-dimension", "3", "--pretrain-epochs", "2", "--batch-size", "32",
            "--threads", "1", "--out", adam));
        results = JsonNode.Parse(File.ReadAllText(Path.Combine(adam, "results.json")))!.AsObject();
        Assert.Equal("adam", (string?)results["pretrain_optimizer"]);
        Assert.Equal(0.002, (double)results["pretrain_learning_rate"]!, 6);
        Assert.Null(results["pretrain_momentum"]);

        Assert.Equal(1, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--pretrain-momentum", "0.9",
            "--data", "csv:" + data, "--clusters", "3", "--pretrain-epochs", "2", "--out", _folder.File("out-adam-momentum")));
    }

    [Fact]
    public void A_convolutional_encoder_on_rows_without_an_image_shape_is_refused()
    {
        var (data, _) = BlobFiles.Write(_folder);
        int exit = CommandLine.Run("cluster", "--method", "dekm", "--encoder", "conv", "--data", "csv:" + data, "--clusters", "3",
            "--out", _folder.File("out-conv"));
        Assert.Equal(1, exit);
    }

    [Fact]
    public void Predict_refuses_a_damaged_model_file()
    {
        string model = _folder.File("damaged.dclm");
        File.WriteAllBytes(model, [0x44, 0x43, 0x4C, 0x4D, 1, 2, 3]);
        var (data, _) = BlobFiles.Write(_folder);
        Assert.Equal(1, CommandLine.Run("predict", "--model", model, "--data", "csv:" + data, "--out", _folder.File("out-damaged")));
    }
}
