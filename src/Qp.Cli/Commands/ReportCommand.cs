using System.CommandLine;

namespace Qp.Cli.Commands;

/// <summary>qp report: the renderers, one subcommand each.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var cmd = new Command("report", "Render reports from the stored results");
        foreach (var sub in new Command[]
        {
            ReportPdfCommand.Create(),
            ExcelReportCommand.Create(),
            ReportHtmlCommand.Create(),
        })
        {
            cmd.Subcommands.Add(sub);
        }
        return cmd;
    }
}
