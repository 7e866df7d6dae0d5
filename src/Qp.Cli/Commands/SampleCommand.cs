using System.CommandLine;

namespace Qp.Cli.Commands;

/// <summary>qp sample: generates synthetic SSDA903-style returns.</summary>
public static class SampleCommand
{
    public static Command Create()
    {
        var cmd = new Command("sample", "Generate deterministic synthetic child-level returns for every authority and year");
        var outOpt = new Option<string>("--out") { Description = "Folder to write the returns into", Required = true };
        cmd.Options.Add(outOpt);
        return cmd.WithAction(parse =>
        {
            throw new UsageException("sample generator is being built");
        });
    }
}
