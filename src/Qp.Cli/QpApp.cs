using System.CommandLine;
using Qp.Cli.Commands;

namespace Qp.Cli;

/// <summary>The qp command tree; Program calls <see cref="Run"/>, and tests call it in-process.</summary>
public static class QpApp
{
    /// <summary>Builds the command tree: one line per command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("QP Reporting: Quality Protects performance indicators for children's services.");
        foreach (var command in new[]
        {
            SampleCommand.Create(),
            ValidateCommand.Create(),
            ImportCommand.Create(),
            RulesCommand.Create(),
            NeighboursCommand.Create(),
            ComputeCommand.Create(),
            TargetsCommand.Create(),
            IndicatorsCommand.Create(),
            ReportCommand.Create(),
            ExportCommand.Create(),
            DisclosureCommand.Create(),
            ClaimsCommand.Create(),
            RunCommand.Create(),
            BenchCommand.Create(),
        })
        {
            root.Subcommands.Add(command);
        }
        return root;
    }

    /// <summary>Runs qp with <paramref name="args"/> and returns the exit code.</summary>
    public static int Run(string[] args)
    {
        try
        {
            return Cli.Invoke(Build(), args);
        }
        finally
        {
            Bench.StageRunner.RecordPeak();
        }
    }
}
