// Seed document 004 (an overview of clustering in deep learning): k-means, DBSCAN and a Gaussian mixture;
// autoencoder + k-means and autoencoder + GMM; DEC and IDEC; the internal scores (silhouette, Calinski-Harabasz,
// Davies-Bouldin) and the external ones (ARI, NMI); and its two uses: pre-labelling an image set, and flagging
// anomalies as points far from every cluster.
//
//   dotnet run -c Release --project samples/DeepClustering.Samples.Overview -- [--mode quick|full] [--only classical,deep]
using DeepClustering.Samples;
using DeepClustering.Samples.Overview;

return SampleProgram.Run(args, "overview", OverviewSample.Experiments, arguments => new OverviewSample(arguments));
