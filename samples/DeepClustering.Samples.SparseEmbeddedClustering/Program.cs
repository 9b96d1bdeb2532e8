// Seed document 001 (DSSEC: a stacked sparse autoencoder with DEC's clustering loss and the reconstruction kept):
// PCA + k-means, AE + k-means, SAE + k-means, DEC, IDEC and DSSEC by ACC, NMI and ARI on MNIST; DSSEC's
// clustering-loss weight γ over 0.1, 0.3 and 0.5; and the embedding's dimension.
//
//   dotnet run -c Release --project samples/DeepClustering.Samples.SparseEmbeddedClustering -- [--mode quick|full] [--only methods,dimensions]
using DeepClustering.Samples;
using DeepClustering.Samples.SparseEmbeddedClustering;

try
{
    var arguments = SampleArguments.Parse(args, "sparse-embedded-clustering", SparseEmbeddedClusteringSample.Experiments);
    if (arguments is null)
    {
        return 0;
    }

    var sample = new SparseEmbeddedClusteringSample(arguments);
    var data = SampleData.Load("mnist", arguments);
    if (arguments.Runs("methods"))
    {
        sample.Methods(data);
        sample.Summarise();
    }

    if (arguments.Runs("dimensions"))
    {
        sample.Dimensions(data);
    }

    sample.Summarise();
    Console.WriteLine($"wrote {Path.Combine(arguments.Output, "report.md")}");
    return 0;
}
catch (Exception e) when (e is ArgumentException or IOException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
