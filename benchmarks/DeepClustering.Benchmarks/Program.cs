using System.Text.Json;
using DeepClustering.Benchmarks;

// Benchmarks written to be run side by side with the reference scripts under benchmarks/reference by
// benchmarks/side_by_side.py. Each command prints one JSON object on the last line of its output:
//   DeepClustering.Benchmarks COMMAND [--name value ...]
// The commands are the IBenchmarkCommand classes of this assembly; run without arguments to list them.
var commands = typeof(IBenchmarkCommand).Assembly.GetTypes()
    .Where(t => typeof(IBenchmarkCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
    .ToDictionary(c => c.Name, StringComparer.Ordinal);
if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
{
    Console.Error.WriteLine("Commands: " + string.Join(", ", commands.Keys.Order(StringComparer.Ordinal)));
    return args.Length == 0 ? 0 : 2;
}

var result = command.Run(BenchmarkArguments.Parse(args.AsSpan(1)));
Console.WriteLine(JsonSerializer.Serialize(result));
return 0;
