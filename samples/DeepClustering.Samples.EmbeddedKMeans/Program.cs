// Seed document 000 (a CNN autoencoder and embedded k-means on MNIST and Fashion-MNIST): the embedding for
// k = 5, 10 and 15 (its Figures 2 and 3), accuracy over training for each k (Figures 4 and 5), ReLU against
// Sigmoid at k = 10 (Figure 6) and the Sigmoid embeddings (Figures 7 and 8), with the autoencoder of its Table 1.
//
//   dotnet run -c Release --project samples/DeepClustering.Samples.EmbeddedKMeans -- [--mode quick|full] [--only mnist-relu,mnist-sigmoid,fashion-mnist-relu,fashion-mnist-sigmoid]
using DeepClustering.Samples;
using DeepClustering.Samples.EmbeddedKMeans;

return SampleProgram.Run(args, "embedded-kmeans", EmbeddedKMeansSample.Experiments, arguments => new EmbeddedKMeansSample(arguments));
