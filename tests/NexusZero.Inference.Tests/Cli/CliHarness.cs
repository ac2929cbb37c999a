using System.Globalization;
using NexusZero.Cli;

namespace NexusZero.Inference.Tests.Cli;

/// <summary>Runs the nexuszero command line in process, in a temporary folder of its own.</summary>
public abstract class CliHarness : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nexuszero-inference-cli-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string PathOf(string name) => Path.Combine(_folder, name);

    protected string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(PathOf(name), bytes);
        return PathOf(name);
    }

    protected string Write(string name, params string[] lines)
    {
        File.WriteAllLines(PathOf(name), lines);
        return PathOf(name);
    }

    protected static string Csv(IEnumerable<double> values) => string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    protected static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliRunner.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
