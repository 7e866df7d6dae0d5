namespace Qp.Validate.Tests;

/// <summary>Tables are recognised by their header set for the return's year; a file is never read as a table it only shares CHILD and DOB with.</summary>
public class TableRecognitionTests
{
    /// <summary>The DfE's CSV layout of every table (2017-18 on), as header rows, and the table each must be recognised as.</summary>
    public static TheoryData<string, string> DfeLayouts() => new()
    {
        { "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", "Header" },
        { "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", "Episodes" },
        { "CHILD,DOB,REVIEW,REVIEW_CODE", "Reviews" },
        { "CHILD,SEX,DOB,DUC", "UASC" },
        { "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED", "OC2" },
        { "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM", "OC3" },
        { "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR", "AD1" },
        { "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED", "PlacedAdoption" },
        { "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "PrevPerm" },
        { "CHILD,DOB,MISSING,MIS_START,MIS_END", "Missing" },
        { "\uFEFFCHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", "SWEpisodes" },
        { "CHILD,DOB,DOLO_START,DOLO_END", "DoLo" },
        { "CHILD,DOB,QUAL_GCSE_GNVQ,QUAL_5AC", "OC1" },
        { "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG", "CPR" },
    };

    private static TableMatch? Match(string header, int year) => Tables.Recognise(header.Split(','), year);

    [Theory]
    [MemberData(nameof(DfeLayouts))]
    public void Every_dfe_layout_is_its_own_table_complete_in_every_year_from_2017_18(string header, string table)
    {
        foreach (int year in new[] { 2018, 2023, 2024, 2025, 2026, 2027 })
        {
            var m = Match(header, year);
            m.Should().NotBeNull();
            m!.Table.Name.Should().Be(table);
            m.Missing.Should().BeEmpty();
            m.Unknown.Should().BeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(DfeLayouts))]
    public void Each_layout_in_any_column_order_and_case_is_the_same_table(string header, string table)
    {
        var shuffled = header.TrimStart('\uFEFF').ToLowerInvariant().Split(',').Reverse().ToArray();
        Tables.Recognise(shuffled, 2024)!.Table.Name.Should().Be(table);
    }

    [Fact]
    public void DoLo_and_social_worker_files_are_not_read_as_OC1()
    {
        // Both share CHILD and DOB with OC1, which used to be enough for a partial match.
        Match("CHILD,DOB,DOLO_START,DOLO_END", 2027)!.Table.Should().Be(Tables.DoLo);
        Match("CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON", 2024)!.Table.Should().Be(Tables.SwEpisodes);
        Match("CHILD,DOB", 2024).Should().BeNull("CHILD and DOB alone identify no table");
        Match("CHILD,DOB,NOTES", 2001).Should().BeNull();
        Match("NAME,COMMENT", 2001).Should().BeNull();
    }

    [Fact]
    public void A_file_with_one_table_column_missing_is_still_that_table_with_the_column_named()
    {
        var m = Match("CHILD,DECOM,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN", 2001)!;
        m.Table.Should().Be(Tables.Episodes);
        m.Missing.Should().Equal("RNE");
        m.SourceIndex[Tables.Episodes.IndexOf("RNE")].Should().Be(-1);
        m.SourceIndex[Tables.Episodes.IndexOf("URN")].Should().Be(11);
    }

    [Fact]
    public void Columns_the_dfe_added_later_are_optional_before_and_required_from_their_first_year()
    {
        const string before2014 = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,HOME_POST,PL_POST";
        Match(before2014, 2014)!.Missing.Should().BeEmpty();
        Match(before2014, 2015)!.Missing.Should().Equal("URN");
        Match(before2014, 2016)!.Missing.Should().Equal("REASON_PLACE_CHANGE", "URN");

        // An older layout of OC3 without DOB is complete before 2017-18, and DOB is named as missing from then on.
        Match("CHILD,IN_TOUCH,ACTIV,ACCOM", 2001)!.Missing.Should().BeEmpty();
        Match("CHILD,IN_TOUCH,ACTIV,ACCOM", 2018)!.Missing.Should().Equal("DOB");
        Tables.Oc3.RequiredIn(2017).Should().Equal("CHILD", "IN_TOUCH", "ACTIV", "ACCOM");
        Tables.Oc3.RequiredIn(2018).Should().Equal("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM");
    }

    [Fact]
    public void Extra_columns_are_unknown_and_do_not_change_the_table()
    {
        var m = Match("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,LA_REF,NOTES", 2024)!;
        m.Table.Should().Be(Tables.Header);
        m.Unknown.Select(u => u.Name).Should().Equal("LA_REF", "NOTES");
        m.Unknown.Select(u => u.Index).Should().Equal(7, 8);
        // UASC is the XML HEADER's flag: a Header file may carry it, and need not.
        Match("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,UASC", 2024)!.Unknown.Should().BeEmpty();
        Match("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", 2024)!.Missing.Should().BeEmpty();
    }

    [Fact]
    public void A_file_mixing_two_tables_evenly_is_not_guessed()
    {
        Match("CHILD,DOB,DOLO_START,QUAL_5AC", 2027).Should().BeNull();
        // One column of another table does not outweigh a table's own columns.
        Match("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB,DUC", 2024)!.Table.Should().Be(Tables.Header);
    }

    [Fact]
    public void Tables_are_collected_in_their_years()
    {
        Tables.In(2023).Should().NotContain([Tables.SwEpisodes, Tables.DoLo]);
        Tables.In(2024).Should().Contain(Tables.SwEpisodes).And.NotContain(Tables.DoLo);
        Tables.In(2027).Should().Contain([Tables.SwEpisodes, Tables.DoLo]);
        Tables.In(2001).Should().Contain([Tables.Header, Tables.Episodes, Tables.Oc1, Tables.Oc2, Tables.Cpr, Tables.Reviews]);
        Tables.All.Select(t => t.Name).Should().OnlyHaveUniqueItems();
        // Keys are disjoint, so no file can fully match two tables.
        Tables.All.SelectMany(t => t.Keys).Should().OnlyHaveUniqueItems();
    }
}
