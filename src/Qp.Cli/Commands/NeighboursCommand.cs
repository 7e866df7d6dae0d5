using System.CommandLine;
using Qp.Domain.Authorities;
using Qp.Import.Neighbours;
using Qp.Store;

namespace Qp.Cli.Commands;

/// <summary>qp neighbours derive: statistical neighbours from a contextual-variables CSV (SPEC §1), stored in place of imported ones.</summary>
public static class NeighboursCommand
{
    public static Command Create()
    {
        var cmd = new Command("neighbours", "Statistical neighbours: derive them from contextual variables (import the DfE model's file with qp import)");
        var derive = new Command("derive", "Derive each authority's nearest neighbours from a contextual-variables CSV (standardised variables, Euclidean distance) and store them");
        var file = new Argument<string>("FILE") { Description = "CSV: la_code, optional la_name, then one numeric column per variable" };
        var count = new Option<int>("--count") { Description = "Neighbours per authority", DefaultValueFactory = _ => 10 };
        derive.Arguments.Add(file);
        derive.Options.Add(count);
        derive.Options.Add(Cli.Db);
        derive.WithAction(parse =>
        {
            var path = parse.GetValue(file)!;
            int n = parse.GetValue(count);
            if (n is < 1 or > 10) throw new UsageException($"--count {n}: the store holds 1 to 10 neighbours per authority");
            if (!File.Exists(path)) throw new UsageException($"{path}: no such file");
            if (LocalFile.NotARegularFile(path) is { } why) throw new UsageException($"{path}: {why}");
            using var conn = Cli.OpenStore(parse);
            var read = ContextualVariablesFile.Read(path, AuthorityStore.Authorities(conn).Select(a => a.Code).ToHashSet());
            if (!read.Accepted)
            {
                foreach (var e in read.Errors) Console.Error.WriteLine(e);
                throw new RejectedException($"{Path.GetFileName(path)}: rejected; the store is unchanged");
            }
            var neighbours = NeighbourModel.Derive(read.Items, n);
            var summary = $"neighbours derived for {read.Items.Count} authorities from {read.Items[0].Values.Count} variables ({neighbours.Count} pairs)";
            using (var tx = conn.BeginTransaction())
            {
                Qp.Store.AggregateStore.RecordImport(conn, tx, "neighbours", path, neighbours.Count, summary);
                AuthorityStore.ReplaceNeighbours(conn, neighbours, tx);
                tx.Commit();
            }
            Console.WriteLine($"{Path.GetFileName(path)}: {summary}");
            return ExitCode.Success;
        });
        cmd.Subcommands.Add(derive);
        return cmd;
    }
}
