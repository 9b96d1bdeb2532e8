using System.Text.Json.Nodes;
using DeepClustering.Persistence;

namespace DeepClustering.Cli.Tests;

/// <summary>
/// <c>predict</c> with a model file that is well sealed but wrong (edited, then resealed as the writer does): one
/// line on standard error naming the file, exit code 1, never a stack trace.
/// </summary>
public sealed class PredictDamagedModelTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Edits => ["huge-widths", "string-count", "nan-centre", "missing-architecture", "invalid-utf8"];

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_sealed_but_wrong_model_gives_one_line_and_exit_1(string edit)
    {
        var (data, _) = BlobFiles.Write(_folder);
        string model = _folder.File("model.dclm");
        Assert.Equal(0, CommandLine.Run("cluster", "--method", "ae-kmeans", "--encoder", "dense", "--data", "csv:" + data, "--clusters", "3",
            "--embedding-dimension", "3", "--pretrain-epochs", "1", "--batch-size", "32", "--threads", "1", "--out", _folder.File("fit"),
            "--save-model", model));
        Reseal(model, edit);

        int exit = CommandLine.Run(out string errors, "predict", "--model", model, "--data", "csv:" + data, "--threads", "1", "--out", _folder.File("out"));

        Assert.Equal(1, exit);
        string line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("predict: ", line, StringComparison.Ordinal);
        Assert.Contains(model, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal); // No exception type or stack trace, only the reason.
        Assert.False(Directory.Exists(_folder.File("out")));
    }

    private static void Reseal(string path, string edit)
    {
        var file = ModelFile.Read(path);
        var header = file.Header;
        var tensors = file.Tensors.ToList();
        switch (edit)
        {
            case "huge-widths":
                header["architecture"]!["HiddenWidths"] = new JsonArray(46000, 46000);
                break;
            case "string-count":
                header["clusterCount"] = "3";
                break;
            case "nan-centre":
                int at = tensors.FindIndex(t => t.Name == "centers");
                var values = tensors[at].ToArray();
                values[1] = float.NaN;
                tensors[at] = new NamedTensor("centers", values, tensors[at].Shape.ToArray());
                break;
            case "missing-architecture":
                header.Remove("architecture");
                break;
            case "invalid-utf8":
                header["info"]!["Clusterer"] = "marker-x";
                break;
        }

        new ModelFile(header, tensors).Write(path);
        if (edit == "invalid-utf8")
        {
            // A byte that is no UTF-8 inside a header string, with the seal recomputed as the writer computes it.
            byte[] bytes = File.ReadAllBytes(path);
            int marker = bytes.AsSpan().IndexOf("marker-x"u8);
            bytes[marker + 7] = 0xFF;
            System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
            File.WriteAllBytes(path, bytes);
        }
    }
}
