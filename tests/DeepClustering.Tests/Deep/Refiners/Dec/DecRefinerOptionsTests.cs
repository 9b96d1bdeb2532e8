using DeepClustering.Networks;
using DeepClustering.Refiners.Dec;
using DeepClustering.Training;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>The refiner's options: the reference defaults by variant, and validation that names the bad option.</summary>
public sealed class DecRefinerOptionsTests
{
    [Fact]
    public void Defaults_are_dec_keras_and_the_idec_code()
    {
        var dec = new DecRefinerOptions();
        Assert.Equal(DecVariant.Dec, dec.Variant);
        Assert.Equal(140, dec.UpdateInterval);
        Assert.Equal(0.001, dec.Tolerance);
        Assert.Equal(20_000, dec.MaxIterations);
        Assert.Equal(256, dec.BatchSize);
        Assert.Equal(1.0, dec.Alpha);
        Assert.Equal(0.1, dec.Gamma);
        Assert.False(dec.Shuffle);
        Assert.Equal(ReconstructionLossKind.MeanSquaredError, dec.ReconstructionLoss);
        Assert.Equal((OptimizerKind.Sgd, 0.01f, 0.9f), (dec.ResolvedOptimizer, dec.ResolvedLearningRate, dec.ResolvedMomentum));

        var idec = new DecRefinerOptions { Variant = DecVariant.Idec };
        Assert.Equal((OptimizerKind.Adam, 0.001f), (idec.ResolvedOptimizer, idec.ResolvedLearningRate));
        var idecSgd = new DecRefinerOptions { Variant = DecVariant.Idec, Optimizer = OptimizerKind.Sgd };
        Assert.Equal((0.1f, 0.99f), (idecSgd.ResolvedLearningRate, idecSgd.ResolvedMomentum));
        var dssec = new DecRefinerOptions { Variant = DecVariant.Dssec };
        Assert.Equal((OptimizerKind.Adam, 0.001f), (dssec.ResolvedOptimizer, dssec.ResolvedLearningRate));
        var decAdam = new DecRefinerOptions { Optimizer = OptimizerKind.Adam, LearningRate = 0.005f };
        Assert.Equal((OptimizerKind.Adam, 0.005f), (decAdam.ResolvedOptimizer, decAdam.ResolvedLearningRate));

        Assert.Equal("dec", new DecRefiner().Name);
        Assert.Equal("idec", new DecRefiner(idec).Name);
        Assert.Equal("dssec", new DecRefiner(dssec).Name);
    }

    public static TheoryData<DecRefinerOptions, string> BadOptions() => new()
    {
        { new DecRefinerOptions { Variant = (DecVariant)7 }, nameof(DecRefinerOptions.Variant) },
        { new DecRefinerOptions { UpdateInterval = 0 }, nameof(DecRefinerOptions.UpdateInterval) },
        { new DecRefinerOptions { Tolerance = -0.1 }, nameof(DecRefinerOptions.Tolerance) },
        { new DecRefinerOptions { Tolerance = 1.5 }, nameof(DecRefinerOptions.Tolerance) },
        { new DecRefinerOptions { Tolerance = double.NaN }, nameof(DecRefinerOptions.Tolerance) },
        { new DecRefinerOptions { MaxIterations = 0 }, nameof(DecRefinerOptions.MaxIterations) },
        { new DecRefinerOptions { BatchSize = -1 }, nameof(DecRefinerOptions.BatchSize) },
        { new DecRefinerOptions { Gamma = 0 }, nameof(DecRefinerOptions.Gamma) },
        { new DecRefinerOptions { Gamma = double.PositiveInfinity }, nameof(DecRefinerOptions.Gamma) },
        { new DecRefinerOptions { Alpha = 0 }, nameof(DecRefinerOptions.Alpha) },
        { new DecRefinerOptions { Optimizer = (OptimizerKind)9 }, nameof(DecRefinerOptions.Optimizer) },
        { new DecRefinerOptions { LearningRate = 0f }, nameof(DecRefinerOptions.LearningRate) },
        { new DecRefinerOptions { LearningRate = float.NaN }, nameof(DecRefinerOptions.LearningRate) },
        { new DecRefinerOptions { Momentum = 1f }, nameof(DecRefinerOptions.Momentum) },
        { new DecRefinerOptions { Variant = DecVariant.Idec, Momentum = 0.5f }, nameof(DecRefinerOptions.Momentum) },
        { new DecRefinerOptions { ReconstructionLoss = (ReconstructionLossKind)5 }, nameof(DecRefinerOptions.ReconstructionLoss) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Validation_names_the_bad_option(DecRefinerOptions options, string name)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new DecRefiner(options));
        Assert.Equal(name, exception.ParamName);
    }
}
