// Seed document 003 (a tutorial of clustering pipelines on MNIST): k-means on the raw pixels, spherical k-means,
// PCA(30) + k-means, t-SNE + DBSCAN, and an autoencoder with a 200-wide code + spherical k-means, each shown as
// ten images of each cluster (the tutorial's viz_img).
//
//   dotnet run -c Release --project samples/DeepClustering.Samples.ClassicalPipelines -- [--mode quick|full] [--only kmeans,...]
using DeepClustering.Samples;
using DeepClustering.Samples.ClassicalPipelines;

return SampleProgram.Run(args, "classical-pipelines", ClassicalPipelinesSample.Experiments, arguments => new ClassicalPipelinesSample(arguments));
