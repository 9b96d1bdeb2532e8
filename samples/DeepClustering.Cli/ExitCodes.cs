namespace DeepClustering.Cli;

/// <summary>The tool's exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>Bad input: a file that cannot be read, data or options the library refuses, a device that is not there.</summary>
    public const int BadInput = 1;

    /// <summary>A usage error: an unknown command or option, a missing or malformed value.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
