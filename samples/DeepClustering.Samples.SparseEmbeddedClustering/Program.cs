// Seed document 001 (DSSEC: a stacked sparse autoencoder with DEC's clustering loss and the reconstruction kept):
// PCA + k-means, AE + k-means, SAE + k-means, DEC, IDEC and DSSEC by ACC, NMI and ARI on MNIST; DSSEC's
// clustering-loss weight γ over 0.1, 0.3 and 0.5; and the embedding's dimension.
//
//   dotnet run -c Release --project samples/DeepClustering.Samples.SparseEmbeddedClustering -- [--mode quick|full] [--only methods,dimensions]
using DeepClustering.Samples;
using DeepClustering.Samples.SparseEmbeddedClustering;

return SampleProgram.Run(args, "sparse-embedded-clustering", SparseEmbeddedClusteringSample.Experiments, arguments => new SparseEmbeddedClusteringSample(arguments));
