using System.Globalization;
using Qp.Domain.Returns;

namespace Qp.Domain.Tests.Indicators;

/// <summary>
/// Builds tiny child-level returns that read like the data: an episode is written
/// "DECOM RNE LS PLACE [DEC REC] [urn=X] [post=Y]", e.g. "01/04/2000 S C2 U4 15/06/2000 X1 urn=SC1".
/// </summary>
public sealed class ReturnBuilder(int year)
{
    private readonly List<ChildHeader> _headers = [];
    private readonly List<Episode> _episodes = [];
    private readonly List<Oc1Record> _oc1 = [];
    private readonly List<Oc2Record> _oc2 = [];
    private readonly List<CprRecord> _cpr = [];

    public static DateOnly D(string ddmmyyyy) => DateOnly.ParseExact(ddmmyyyy, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A child with a Header row (born <paramref name="dob"/>) and the given episodes.</summary>
    public ReturnBuilder Child(string child, string dob, params string[] episodes)
    {
        _headers.Add(new ChildHeader(child, "1", D(dob), null, null, null, null));
        return Episodes(child, episodes);
    }

    /// <summary>Episodes of a child with no Header row (invalid, but calculators must cope).</summary>
    public ReturnBuilder Episodes(string child, params string[] episodes)
    {
        foreach (var e in episodes) _episodes.Add(Parse(child, e));
        return this;
    }

    public ReturnBuilder Oc1(string child, bool? gcse) { _oc1.Add(new Oc1Record(child, null, gcse, false)); return this; }

    public ReturnBuilder Oc2(string child, bool? healthAssessment)
    {
        _oc2.Add(new Oc2Record(child, null, null, null, null, null, null, null, healthAssessment, null, null, null));
        return this;
    }

    public ReturnBuilder Cpr(string child, string regDate, bool? prevReg = false)
    {
        _cpr.Add(new CprRecord(child, null, D(regDate), null, "NEG", prevReg));
        return this;
    }

    public ChildLevelReturn Build() => new(805, year, _headers.ToArray(), _episodes.ToArray(), _oc1.ToArray(), _oc2.ToArray(), _cpr.ToArray());

    private static Episode Parse(string child, string text)
    {
        var t = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        DateOnly? dec = null;
        string? rec = null, urn = null, post = null;
        int i = 4;
        if (t.Length > 5 && t[4].Contains('/')) { dec = D(t[4]); rec = t[5]; i = 6; }
        for (; i < t.Length; i++)
        {
            var kv = t[i].Split('=', 2);
            if (kv[0] == "urn") urn = kv[1];
            else if (kv[0] == "post") post = kv[1];
            else throw new ArgumentException($"unknown token {t[i]} in '{text}'");
        }
        return new Episode(child, D(t[0]), t[1], t[2], "N1", t[3], "PR1", dec, rec, null, "TS1", post, urn);
    }
}
