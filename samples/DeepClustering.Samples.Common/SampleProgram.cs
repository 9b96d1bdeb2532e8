namespace DeepClustering.Samples;

/// <summary>The main program every sample shares: parse the arguments, run the chosen experiments, summarise after each.</summary>
public static class SampleProgram
{
    /// <summary>
    /// Runs <paramref name="program"/>: each experiment of <paramref name="experiments"/> that the arguments choose, in
    /// order, with the report rebuilt after each (so an interrupted run keeps what finished), then once more.
    /// </summary>
    /// <returns>The exit code: 0, or 1 after printing a bad argument or a missing data folder.</returns>
    public static int Run(string[] args, string program, IReadOnlyList<string> experiments, Func<SampleArguments, ISample> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            var arguments = SampleArguments.Parse(args, program, experiments);
            if (arguments is null)
            {
                return 0;
            }

            var sample = create(arguments);
            foreach (string experiment in experiments.Where(arguments.Runs))
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
    }
}
