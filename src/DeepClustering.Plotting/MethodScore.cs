namespace DeepClustering.Plotting;

/// <summary>One bar of a <see cref="ComparisonBarChart"/>: the value of a metric for a method.</summary>
/// <param name="Method">The method's name, e.g. "DEKM"; bars of one method share a colour.</param>
/// <param name="Metric">The metric's name, e.g. "ACC"; bars of one metric stand together.</param>
/// <param name="Value">The value; finite.</param>
public sealed record MethodScore(string Method, string Metric, double Value);
