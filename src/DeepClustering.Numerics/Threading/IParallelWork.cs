namespace DeepClustering.Numerics.Threading;

/// <summary>A piece of work split into numbered parts that may run on different threads.</summary>
internal interface IParallelWork
{
    /// <summary>Runs part <paramref name="part"/>. Parts must not depend on which thread runs them.</summary>
    void Execute(int part);
}
