namespace DeepClustering.Documentation.Tests;

/// <summary>Every C# block of README.md, docs/ and the packages' readmes compiles as written and runs to its end.</summary>
public sealed class DocumentationTests
{
    public static TheoryData<CodeBlock> Blocks => [.. DocumentedCode.Blocks()];

    [Fact]
    public void The_documentation_has_its_examples_and_every_csharp_fence_is_checked()
    {
        Assert.True(DocumentedCode.Blocks().Count() >= 8, "Expected the README's, the docs' and the readmes' C# examples.");
        Assert.Contains(DocumentedCode.Blocks(), b => b.File == "README.md" && b.Code.Contains("new Dekm(new DekmOptions", StringComparison.Ordinal));
        Assert.Empty(DocumentedCode.OtherCSharpFences());
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_block_compiles_as_written_and_runs(CodeBlock block)
    {
        var (program, errors) = SnippetProgram.Compile(block);
        Assert.True(program is not null, $"{block} does not compile:\n{errors}");

        var (exit, output) = SnippetProgram.Run(program!, SampleData.Folder, TimeSpan.FromMinutes(3));

        Assert.True(exit == 0, $"{block} exited with {exit}:\n{output}");
    }
}
