using System.Diagnostics;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepClustering.Documentation.Tests;

/// <summary>
/// A documentation block compiled as a console program of top-level statements, as a reader would paste it into a
/// new project (the SDK's implicit usings, nullable on), against the library's assemblies; then run as its own process.
/// </summary>
internal static class SnippetProgram
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    /// <summary>Compiles <paramref name="block"/>; returns the program's path, or the compiler's errors.</summary>
    public static (string? Path, string Errors) Compile(CodeBlock block)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        string name = "DocSnippet_" + string.Concat(block.File.Select(c => char.IsLetterOrDigit(c) ? c : '_')) + "_" + block.Line;
        var compilation = CSharpCompilation.Create(name,
            [CSharpSyntaxTree.ParseText(ImplicitUsings, parse), CSharpSyntaxTree.ParseText(block.Code, parse, path: block.File)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, name + ".dll");
        using (var output = File.Create(path))
        {
            var result = compilation.Emit(output);
            if (!result.Success)
            {
                var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
                return (null, string.Join("\n", errors));
            }
        }

        // Resolve the library and its native parts as the test does: its runtime settings and dependency list.
        File.WriteAllText(System.IO.Path.ChangeExtension(path, ".runtimeconfig.json"), JsonSerializer.Serialize(new
        {
            runtimeOptions = new { tfm = "net10.0", framework = new { name = "Microsoft.NETCore.App", version = Environment.Version.ToString() } },
        }));
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "DeepClustering.Documentation.Tests.deps.json"),
            System.IO.Path.ChangeExtension(path, ".deps.json"), overwrite: true);
        return (path, "");
    }

    /// <summary>Runs a compiled program in <paramref name="folder"/>; returns its exit code and what it printed.</summary>
    public static (int ExitCode, string Output) Run(string program, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(program);
        start.Environment["DOTNET_TieredPGO"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"still running after {timeout.TotalSeconds} s\n{output.Result}{error.Result}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private static MetadataReference[] LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(f => !System.IO.Path.GetFileName(f).StartsWith("DocSnippet_", StringComparison.Ordinal));
        return platform.Concat(local)
            .Where(f => f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(f => System.IO.Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)
            .Where(IsManaged)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
