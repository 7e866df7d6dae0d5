using System.CommandLine;
using Qp.Cli;
using Qp.Cli.Commands;

var root = new RootCommand("QP Reporting: Quality Protects performance indicators for children's services.");
root.Options.Add(Cli.Db);
foreach (var command in new[]
{
    SampleCommand.Create(),
})
{
    root.Subcommands.Add(command);
}

return Cli.Invoke(root, args);
