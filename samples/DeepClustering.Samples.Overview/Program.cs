// Seed document 004 (an overview of clustering in deep learning): k-means, DBSCAN and a Gaussian mixture;
// autoencoder + k-means and autoencoder + GMM; DEC and IDEC; the internal scores (silhouette, Calinski-Harabasz,
// Davies-Bouldin) and the external ones (ARI, NMI); and its two uses: pre-labelling an image set, and flagging
// anomalies as points far from every cluster.
//
//   dotnet run -c Release --project samples/DeepClustering.Samples.Overview -- [--mode quick|full] [--only classical,deep]
using DeepClustering.Samples;
using DeepClustering.Samples.Overview;

try
{
    var arguments = SampleArguments.Parse(args, "overview", OverviewSample.Experiments);
    if (arguments is null)
    {
        return 0;
    }

    var sample = new OverviewSample(arguments, SampleData.Load("mnist", arguments));
    if (arguments.Runs("classical"))
    {
        sample.Classical();
        sample.Summarise();
    }

    if (arguments.Runs("deep"))
    {
        sample.Deep();
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
