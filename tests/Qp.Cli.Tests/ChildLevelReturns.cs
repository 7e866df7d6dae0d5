using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Qp.Cli.Tests;

/// <summary>Writes small child-level returns for the import tests: a valid one (2 children, 3 episodes, 1 OC1, 1 OC2, 1 CPR row) and variants.</summary>
public static class ChildLevelReturns
{
    public const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1001,1,01/05/1990,WBRI,A12345678901A,0,\n1002,2,15/08/1984,BAFR,,1,01/02/2000\n";
    public const string Episodes =
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
        "1001,10/01/1999,S,C2,N1,U4,PR1,01/06/2000,X1,,TS24 8,TS25 1,\n" +
        "1001,01/06/2000,P,C2,N1,U5,PR1,,,,TS24 8,TS26 9,\n" +
        "1002,01/02/1999,S,C2,N2,K2,PR1,01/12/2000,E8,,TS24 8,,SC123456\n";
    public const string Oc1 = "CHILD,DOB,QUAL_GCSE_GNVQ,QUAL_5AC\n1002,15/08/1984,1,0\n";
    public const string Oc2 = "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n" +
                              "1001,01/05/1990,12,,0,1,1,1,1,0,0,0\n";
    public const string Cpr = "CHILD,DOB,REG_DATE,DEREG_DATE,CATEGORY,PREV_REG\n7007,03/03/1995,01/05/2000,01/11/2000,NEG,0\n";

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <EXPSSDA903>
          <CHILD>
            <HEADER>
              <CHILDID>1001</CHILDID><SEX>1</SEX><DOB>01/05/1990</DOB><ETHNIC>WBRI</ETHNIC><UPN>A12345678901A</UPN><MOTHER>0</MOTHER>
              <OC2><SDQ_SCORE>12</SDQ_SCORE><CONVICTED>0</CONVICTED><HEALTH_ASSESSMENT>1</HEALTH_ASSESSMENT></OC2>
            </HEADER>
            <EPISODE><DECOM>10/01/1999</DECOM><RNE>S</RNE><LS>C2</LS><CIN>N1</CIN><PL>U4</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><DEC>01/06/2000</DEC><REC>X1</REC><PL_POST>TS25 1</PL_POST></EPISODE>
            <EPISODE><DECOM>01/06/2000</DECOM><RNE>P</RNE><LS>C2</LS><CIN>N1</CIN><PL>U5</PL><PLACE_PROVIDER>PR1</PLACE_PROVIDER><PL_POST>TS26 9</PL_POST></EPISODE>
          </CHILD>
        </EXPSSDA903>
        """;

    /// <summary>Writes the valid return as DIR/NAME with the given files replaced (null content removes a file).</summary>
    public static string Write(string dir, string name = "805_2001", params (string File, string? Content)[] changes)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(path);
        var files = new Dictionary<string, string?>
        {
            ["Header.csv"] = Header, ["Episodes.csv"] = Episodes, ["OC1.csv"] = Oc1, ["OC2.csv"] = Oc2, ["CPR.csv"] = Cpr,
        };
        foreach (var (f, c) in changes) files[f] = c;
        foreach (var (f, c) in files)
            if (c is not null) File.WriteAllText(Path.Combine(path, f), c);
        return path;
    }

    /// <summary>SHA-256 of the store file, with every connection closed first.</summary>
    public static string DbHash(string db)
    {
        SqliteConnection.ClearAllPools();
        return Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(db)));
    }

    /// <summary>Runs one scalar query on the store.</summary>
    public static object? Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
