using System.CommandLine;
using DeepClustering.Cli.Commands;

var root = new RootCommand("DeepClustering command-line tool: deep clustering of images and vectors.")
{
    PretrainCommand.Create(),
    ClusterCommand.Create(),
    PredictCommand.Create(),
    EvaluateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
