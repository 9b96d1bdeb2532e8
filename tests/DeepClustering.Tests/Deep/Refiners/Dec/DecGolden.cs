using System.Text.Json;

namespace DeepClustering.Tests.Refiners.Dec;

/// <summary>
/// One case of Golden/dec_reference.json (written by Golden/make_dec_reference.py with PyTorch in float64): float32
/// inputs z [n, d] and μ [k, d], and Q, P, the training target, the loss against it and its autograd gradients.
/// </summary>
internal sealed record DecGoldenCase(
    double Alpha, int N, int K, int D,
    float[] Z, float[] Mu, double[] Q, double[] P, double[] Target, double Loss, double[] GradZ, double[] GradMu)
{
    public override string ToString() => $"α = {Alpha}, n = {N}, k = {K}, d = {D}";

    public static IReadOnlyList<DecGoldenCase> Load()
    {
        var root = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(AppContext.BaseDirectory, "Deep", "Refiners", "Dec", "Golden", "dec_reference.json"))).RootElement;
        return root.GetProperty("cases").EnumerateArray().Select(c => new DecGoldenCase(
            c.GetProperty("alpha").GetDouble(), c.GetProperty("n").GetInt32(), c.GetProperty("k").GetInt32(), c.GetProperty("d").GetInt32(),
            Flat(c.GetProperty("z")).Select(v => (float)v).ToArray(), Flat(c.GetProperty("mu")).Select(v => (float)v).ToArray(),
            Flat(c.GetProperty("q")), Flat(c.GetProperty("p")), Flat(c.GetProperty("target")),
            c.GetProperty("loss").GetDouble(), Flat(c.GetProperty("grad_z")), Flat(c.GetProperty("grad_mu")))).ToList();
    }

    /// <summary>The case numbers, for [MemberData].</summary>
    public static TheoryData<int> Indices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Load().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static double[] Flat(JsonElement rows) =>
        rows.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();
}
