using Microsoft.Data.Sqlite;
using Qp.Domain.Returns;
using Qp.Store;

namespace Qp.Store.Tests;

/// <summary>Load reads SQLite's column text in place and shares short strings: every field must come back exactly as written.</summary>
public class ChildReturnLoadTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("qp-load-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void Every_field_of_every_table_loads_back_as_written_with_nulls_kept()
    {
        // Values of 1 to 13 bytes: up to 8 are pooled (SC341199 and SC341919 differ only in digit order), longer ones are not (the UPN).
        var headers = new[]
        {
            new ChildHeader("C1", "1", new DateOnly(1990, 2, 28), "WBRI", "N201782688091", "1", new DateOnly(2008, 12, 31)),
            new ChildHeader("C2", "2", new DateOnly(1992, 2, 29), null, null, null, null),
        };
        var episodes = new[]
        {
            new Episode("C1", new DateOnly(2000, 4, 1), "S", "C2", "N1", "U4", "PR1", new DateOnly(2000, 5, 1), "X1", "CARPL", "WR28", "WR4", "SC341199"),
            new Episode("C1", new DateOnly(2000, 5, 1), "P", "C2", "N1", "U4", "PR1", null, null, null, "WR28", "WR20", "SC341919"),
            new Episode("C2", new DateOnly(1999, 1, 10), "L", "V2", null, null, null, null, null, null, null, null, null),
        };
        var oc1 = new Oc1Record("C1", new DateOnly(1990, 2, 28), true, false);
        var oc2 = new Oc2Record("C2", null, 17, "SDQ1", false, true, null, true, false, null, true, false);
        var cpr = new CprRecord("C2", new DateOnly(1992, 2, 29), new DateOnly(2000, 9, 30), null, "MUL", true);

        using var conn = QpDatabase.Open(Path.Combine(dir, "qp.db"));
        using (var w = ChildReturnStore.BeginSubmission(conn, 805, 2001, "h", [new ImportFile("Header.csv", "ab", "Header", 2)]))
        {
            foreach (var h in headers) w.Add(h);
            foreach (var e in episodes) w.Add(e);
            w.Add(oc1);
            w.Add(oc2);
            w.Add(cpr);
            w.Commit([]);
        }

        var loaded = ChildReturnStore.Load(conn, 805, 2001)!;
        loaded.Headers.Should().Equal(headers);
        // Ordered by child then DECOM.
        loaded.Episodes.Should().Equal(episodes[0], episodes[1], episodes[2]);
        loaded.Oc1.Should().Equal(oc1);
        loaded.Oc2.Should().Equal(oc2);
        loaded.Cpr.Should().Equal(cpr);
        ChildReturnStore.Load(conn, 805, 2002).Should().BeNull();

        // Compute's own read-only, mutex-free connection reads the same rows.
        using var reader = ReturnReader.OpenBeside(conn);
        var again = reader.Load(805, 2001)!;
        again.Headers.Should().Equal(headers);
        again.Episodes.Should().Equal(episodes);
        again.Oc2.Should().Equal(oc2);
        again.Cpr.Should().Equal(cpr);
        reader.Load(805, 2002).Should().BeNull();
    }
}

/// <summary>An authority's registrations are read once and asked for each year.</summary>
public class RegistrationHistoryTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("qp-reg-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private static void Store(SqliteConnection conn, int la, int year, params (string Child, DateOnly RegDate)[] registrations)
    {
        using var w = ChildReturnStore.BeginSubmission(conn, la, year, $"h{la}{year}", [new ImportFile("CPR.csv", "ab", "CPR", registrations.Length)]);
        foreach (var (child, reg) in registrations) w.Add(new CprRecord(child, null, reg, null, "NEG", false));
        w.Commit([]);
    }

    [Fact]
    public void Children_registered_before_the_year_began_in_any_return_of_the_authority()
    {
        using var conn = QpDatabase.Open(Path.Combine(dir, "qp.db"));
        Store(conn, 805, 2000, ("A", new DateOnly(1999, 6, 1)), ("B", new DateOnly(2000, 3, 31)));
        Store(conn, 805, 2001, ("C", new DateOnly(2000, 4, 1)));
        Store(conn, 806, 2001, ("D", new DateOnly(1999, 5, 1))); // another authority's child never counts

        var history = ChildReturnStore.Registrations(conn, 805);

        // 2000-01 starts on 1 April 2000: A (June 1999) and B (31 March 2000) were before it, C (1 April 2000) was not.
        history.Before(2001).Should().BeEquivalentTo("A", "B");
        history.Before(2000).Should().BeEmpty(); // 1999-00 starts on 1 April 1999
        history.Before(2002).Should().BeEquivalentTo("A", "B", "C");
        ChildReturnStore.EarlierRegistrations(conn, 805, 2001).Should().BeEquivalentTo("A", "B");
    }

    private static void StoreLooked(SqliteConnection conn, int la, int year, params string[] children)
    {
        using var w = ChildReturnStore.BeginSubmission(conn, la, year, $"e{la}{year}", [new ImportFile("Episodes.csv", "ab", "Episodes", children.Length)]);
        foreach (var c in children) w.Add(new Episode(c, new DateOnly(year - 1, 6, 1), "S", "C2", "N1", "U4", "PR1", null, null, null, null, null, null));
        w.Commit([]);
    }

    [Fact]
    public void The_history_before_a_year_not_stored_runs_back_to_the_first_gap()
    {
        using var conn = QpDatabase.Open(Path.Combine(dir, "qp.db"));
        // 805 stored 2016-17, then 2018-19 to 2020-21 (2017-18 missing); last year, 2021-22, comes from a file, not the store.
        StoreLooked(conn, 805, 2017, "A");
        StoreLooked(conn, 805, 2019, "B");
        StoreLooked(conn, 805, 2020, "B", "C");
        StoreLooked(conn, 805, 2021, "D");
        StoreLooked(conn, 806, 2021, "E"); // another authority's child never counts

        var (earlier, from) = ChildReturnStore.HistoryBefore(conn, 805, 2022);

        from.Should().Be(2019, "2019, 2020 and 2021 run back without a gap from 2022; 2018 is missing");
        earlier.Should().BeEquivalentTo("A", "B", "C", "D");
        ChildReturnStore.HistoryBefore(conn, 805, 2019).HistoryFrom.Should().Be(2019, "2017-18 is not stored, so only the year itself is known");
        ChildReturnStore.HistoryBefore(conn, 805, 2019).EarlierInCare.Should().BeEquivalentTo("A");
    }
}
