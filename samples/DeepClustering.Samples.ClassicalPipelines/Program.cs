// Seed document 003 (a tutorial of clustering pipelines on MNIST): k-means on the raw pixels, spherical k-means,
// PCA(30) + k-means, t-SNE + DBSCAN, and an autoencoder with a 200-wide code + spherical k-means, each shown as
// ten images of each cluster (the tutorial's viz_img).
//
//   dotnet run -c Release --project samples/DeepClustering.Samples.ClassicalPipelines -- [--mode quick|full] [--only kmeans,...]
using DeepClustering.Samples;
using DeepClustering.Samples.ClassicalPipelines;

try
{
    var arguments = SampleArguments.Parse(args, "classical-pipelines", ClassicalPipelinesSample.Experiments);
    if (arguments is null)
    {
        return 0;
    }

    var sample = new ClassicalPipelinesSample(arguments, SampleData.Load("mnist", arguments));
    foreach (string experiment in ClassicalPipelinesSample.Experiments.Where(arguments.Runs))
    {
        sample.Run(experiment);
        sample.Summarise();
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
