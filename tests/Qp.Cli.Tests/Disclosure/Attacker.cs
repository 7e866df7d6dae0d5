using System.Globalization;
using System.Text.RegularExpressions;
using Qp.Domain.Authorities;
using Qp.Domain.Indicators;
using Qp.Domain.Statistics;

namespace Qp.Cli.Tests.Disclosure;

/// <summary>A hidden numerator: indicator, year and authority.</summary>
internal readonly record struct Key(string Ind, int Year, int La)
{
    public override string ToString() => $"{Ind} {Year} LA {La}";
}

/// <summary>What one route tells the attacker about some hidden numerators: an assignment of them is possible only when <see cref="Holds"/> says so.</summary>
/// <param name="Route">The recovery route, for the report.</param>
/// <param name="Vars">The hidden numerators involved.</param>
/// <param name="Holds">Whether an assignment (in <paramref name="Vars"/> order) is consistent with the published figures.</param>
/// <param name="Linear">For a linear constraint Σ wᵢxᵢ ∈ [Lo, Hi]: the weights and bounds, so large sums can be bounded without enumerating.</param>
internal sealed record Constraint(string Route, Key[] Vars, Func<int[], bool> Holds, (double[] W, double Lo, double Hi)? Linear = null)
{
    public static Constraint Sum(string route, IReadOnlyList<(Key Var, double W)> terms, double lo, double hi)
    {
        var w = terms.Select(t => t.W).ToArray();
        return new(route, terms.Select(t => t.Var).ToArray(), xs =>
        {
            double s = 0;
            for (int i = 0; i < xs.Length; i++) s += w[i] * xs[i];
            return s >= lo && s <= hi;
        }, (w, lo, hi));
    }
}

/// <summary>How many hidden numerators an attack recovered.</summary>
/// <param name="Hidden">Hidden numerators with a published denominator.</param>
/// <param name="Exact">Recovered exactly.</param>
/// <param name="Narrowed">Narrowed to fewer than three candidates (exact ones included).</param>
/// <param name="Examples">A few of them, for the failure message.</param>
internal sealed record AttackResult(string Route, int Hidden, int Exact, int Narrowed, IReadOnlyList<string> Examples)
{
    public override string ToString() => $"{Route}: {Narrowed} of {Hidden} hidden numerators narrowed to < 3 candidates ({Exact} exactly)";
}

/// <summary>
/// A reader with every published output of one edition and public knowledge (authorities, regions, types, statistical
/// neighbours, indicator definitions) tries every route back to a hidden numerator. The test knows the truth only to judge:
/// a route's hypothesis that the true figures contradict is dropped, so the attacker is never misled and is at least as strong
/// as a real one.
/// </summary>
internal sealed class Attacker
{
    private const double Tight = 1e-6;
    private readonly PublishedOutputs _p;
    private readonly IReadOnlyDictionary<int, Authority> _authorities;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<int>> _neighbours;
    private readonly IReadOnlyList<IndicatorDefinition> _catalogue;
    private readonly IReadOnlyDictionary<Key, int> _truth;
    private readonly IReadOnlyDictionary<Key, int> _truthDen;
    private readonly int _editionYear;
    private readonly Dictionary<Key, int> _den = new();
    private readonly Dictionary<Key, int> _shownNum = new();
    private readonly Dictionary<Key, double> _shownValue = new();
    private readonly Dictionary<Key, List<int>> _prior = new();
    private readonly Dictionary<Key, List<int>> _denPrior = new();
    public List<Constraint> Constraints { get; } = [];

    /// <summary>Constraints on hidden denominators (rounded totals of denominators), judged against the true denominators.</summary>
    public List<Constraint> DenConstraints { get; } = [];
    public int Dropped { get; private set; }

    public Attacker(PublishedOutputs published, IReadOnlyDictionary<int, Authority> authorities, IReadOnlyDictionary<int, IReadOnlyList<int>> neighbours,
        IReadOnlyList<IndicatorDefinition> catalogue, IReadOnlyDictionary<Key, int> truth, IReadOnlyDictionary<Key, int> truthDen, int editionYear)
    {
        _p = published;
        _authorities = authorities;
        _neighbours = neighbours;
        _catalogue = catalogue;
        _truth = truth;
        _truthDen = truthDen;
        _editionYear = editionYear;
        Learn();
    }

    public IReadOnlyCollection<Key> Hidden => _prior.Keys;

    // What each output says about each authority's counts: denominators, shown numerators and values, hidden numerators.
    private void Learn()
    {
        var hidden = new HashSet<Key>();
        var hiddenDen = new HashSet<Key>();
        foreach (var ((la, year, ind, measure), seen) in _p.Data)
        {
            if (la is not { } code) continue;
            var k = new Key(ind, year, code);
            switch (measure)
            {
                case "denominator" when seen.Number is { } d: _den[k] = (int)d; break;
                case "denominator" when seen.Hidden: hiddenDen.Add(k); break;
                case "numerator" when seen.Number is { } n: _shownNum[k] = (int)n; break;
                case "numerator" when seen.Hidden: hidden.Add(k); break;
                case "value" when seen.Number is { } v: _shownValue[k] = v; break;
            }
        }
        foreach (var row in _p.Csv.Concat(_p.Ees.Where(r => r["geographic_level"] == "Local authority")))
        {
            var code = row.TryGetValue("la_code", out var c) ? c : row["old_la_code"];
            var k = new Key(row["indicator"], int.Parse(row.TryGetValue("year", out var y) ? y : row["time_period"], CultureInfo.InvariantCulture), int.Parse(code, CultureInfo.InvariantCulture));
            if (PublishedOutputs.Number(row["denominator"]) is { } d) _den[k] = (int)d;
            else if (row["denominator"] == "c") hiddenDen.Add(k);
            if (PublishedOutputs.Number(row["numerator"]) is { } n) _shownNum[k] = (int)n;
            else if (row["numerator"] == "c") hidden.Add(k);
        }
        foreach (var k in hidden)
        {
            if (_shownNum.ContainsKey(k)) continue; // shown in another output: not hidden at all (a different test's business)
            if (!_truth.ContainsKey(k)) continue;
            if (!_den.ContainsKey(k) && hiddenDen.Contains(k))
            {
                // The published rule: a denominator of 1 or 2 beside a hidden numerator is hidden too, so the numerator is 0, 1 or 2.
                var dens = _truthDen[k] is 1 or 2 ? new List<int> { 1, 2 } : [_truthDen[k]];
                _denPrior[k] = dens;
                _prior[k] = Enumerable.Range(0, dens.Max() + 1).ToList();
                continue;
            }
            if (!_den.TryGetValue(k, out var d) || d <= 0) continue;
            // The published rule: a numerator hidden beside a denominator of 10 or more is 1 to 5.
            var prior = d >= 10 ? Enumerable.Range(1, 5).ToList() : Enumerable.Range(0, d + 1).ToList();
            if (!prior.Contains(_truth[k])) prior = Enumerable.Range(0, d + 1).ToList();
            _prior[k] = prior;
        }
    }

    private void Add(Constraint c)
    {
        if (c.Vars.Length == 0) return;
        if (!c.Holds(c.Vars.Select(v => _truth[v]).ToArray())) { Dropped++; return; }
        Constraints.Add(c);
    }

    private void AddDen(Constraint c)
    {
        if (c.Vars.Length == 0) return;
        if (!c.Holds(c.Vars.Select(v => _truthDen[v]).ToArray())) { Dropped++; return; }
        DenConstraints.Add(c);
    }

    // A hidden numerator whose percentage is a known multiple of it (its denominator is published).
    private bool Weighted(Key k) => _prior.ContainsKey(k) && _den.ContainsKey(k);

    private IEnumerable<int> Authorities(Func<Authority, bool> member) => _authorities.Values.Where(member).Select(a => a.Code);

    /// <summary>The members of a group with counts: Σ shown numerators, Σ denominators shown, the hidden numerators and the hidden denominators.</summary>
    private GroupCounts Group(string ind, int year, IEnumerable<int> las)
    {
        long shown = 0, den = 0;
        var hidden = new List<Key>();
        var hiddenDen = new List<Key>();
        bool complete = true;
        foreach (var la in las)
        {
            var k = new Key(ind, year, la);
            if (_denPrior.ContainsKey(k)) { hidden.Add(k); hiddenDen.Add(k); continue; }
            if (!_den.TryGetValue(k, out var d)) continue;
            if (_shownNum.TryGetValue(k, out var n)) { shown += n; den += d; }
            else if (_prior.ContainsKey(k)) { hidden.Add(k); den += d; }
            else if (d > 0) complete = false;
        }
        return new GroupCounts(shown, den, hidden, hiddenDen, complete);
    }

    private sealed record GroupCounts(long Shown, long Den, List<Key> Hidden, List<Key> HiddenDen, bool Complete);

    private double? Value(Key k) => _shownValue.TryGetValue(k, out var v) ? v : _shownNum.TryGetValue(k, out var n) && _den[k] > 0 ? 100.0 * n / _den[k] : null;

    private IEnumerable<string> Indicators => _catalogue.Select(d => d.Id);

    private IEnumerable<int> Years => _p.Data.Keys.Select(k => k.Year).Distinct();

    // How many values an average says it used (published beside it), or null.
    private int? Used(int la, int year, string ind, string measure) =>
        _p.Data.TryGetValue((la, year, ind, measure + "_used"), out var used) && used.Number is { } n ? (int)n : null;

    /// <summary>Comparator averages: statistical neighbours (plain mean of values), region and type (Σ numerators / Σ denominators).</summary>
    public void ComparatorAverages()
    {
        foreach (var ((la, year, ind, measure), seen) in _p.Data)
        {
            if (la is not { } code || seen.Number is not { } a) continue;
            if (measure == "sn_average" && _neighbours.TryGetValue(code, out var nb))
            {
                var terms = new List<(Key, double)>();
                double shownSum = 0;
                int k = 0;
                foreach (var n in nb)
                {
                    var key = new Key(ind, year, n);
                    if (Value(key) is { } v) { shownSum += v; k++; }
                    else if (Weighted(key)) { terms.Add((key, 100.0 / _den[key])); k++; }
                }
                // The published basis: an average of the shown values only says nothing of the hidden ones.
                if (Used(code, year, ind, measure) == k - terms.Count) continue;
                if (terms.Count > 0) Add(Constraint.Sum("sn_average", terms, k * a - shownSum - Tight * k, k * a - shownSum + Tight * k));
            }
            else if (measure is "region_average" or "type_average" && _authorities.TryGetValue(code, out var self))
            {
                Func<Authority, bool> same = measure == "region_average" ? x => x.Region == self.Region : x => x.Type == self.Type;
                var g = Group(ind, year, Authorities(same));
                if (g.Hidden.Count == 0 || !g.Complete || g.HiddenDen.Count > 0) continue;
                if (Used(code, year, ind, measure) == Authorities(same).Count(la => Value(new Key(ind, year, la)) is not null)) continue;
                double total = a * g.Den / 100 - g.Shown;
                Add(Constraint.Sum(measure, g.Hidden.Select(h => (h, 1.0)).ToList(), total - Tight * g.Den, total + Tight * g.Den));
            }
        }
    }

    /// <summary>Regional and national totals: EES rows (rounded counts, 1-decimal values), the workbook's England rows (full precision), the national pack.</summary>
    public void Totals()
    {
        foreach (var row in _p.Ees.Where(r => r["geographic_level"] is "National" or "Regional"))
        {
            var ind = row["indicator"];
            int year = int.Parse(row["time_period"], CultureInfo.InvariantCulture);
            var region = row["region_name"];
            var g = Group(ind, year, Authorities(a => row["geographic_level"] == "National" || a.Region == region));
            if (!g.Complete) continue;
            var route = "ees_" + row["geographic_level"].ToLowerInvariant();
            DenominatorConstraints(route, g, PublishedOutputs.Number(row["denominator"]));
            if (g.Hidden.Count > 0) TotalConstraints(route, g, PublishedOutputs.Number(row["numerator"]), PublishedOutputs.Number(row["value"]), 0.05);
        }
        foreach (var year in Years)
            foreach (var ind in Indicators)
            {
                var g = Group(ind, year, _authorities.Keys);
                if (!g.Complete) continue;
                _p.Data.TryGetValue((null, year, ind, "numerator"), out var num);
                _p.Data.TryGetValue((null, year, ind, "denominator"), out var den);
                _p.Data.TryGetValue((null, year, ind, "value"), out var value);
                DenominatorConstraints("workbook_england", g, den.Number);
                if (g.Hidden.Count > 0) TotalConstraints("workbook_england", g, num.Number, value.Number, Tight);
            }
        foreach (var page in _p.NationalPages)
        {
            var m = Regex.Match(page, @"England's figure was (\d+\.\d)% \(([\d,]+) of ([\d,]+)\)");
            var ind = PageIndicator(page);
            if (!m.Success || ind is null) continue;
            var g = Group(ind, _editionYear, _authorities.Keys);
            if (!g.Complete) continue;
            DenominatorConstraints("pdf_england", g, double.Parse(m.Groups[3].Value.Replace(",", ""), CultureInfo.InvariantCulture));
            if (g.Hidden.Count > 0)
                TotalConstraints("pdf_england", g, double.Parse(m.Groups[2].Value.Replace(",", ""), CultureInfo.InvariantCulture),
                    double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 0.05);
        }
    }

    private void TotalConstraints(string route, GroupCounts g, double? rounded, double? value, double tolerance)
    {
        var terms = g.Hidden.Select(h => (h, 1.0)).ToList();
        // A count rounded to the nearest 10 (halves up): the true total lies in [R − 5, R + 4].
        if (rounded is { } r) Add(Constraint.Sum(route + "_count", terms, r - 5 - g.Shown, r + 4 - g.Shown));
        // A percentage of a known denominator (every member's denominator is published).
        if (value is { } v && g.Den > 0 && g.HiddenDen.Count == 0)
            Add(Constraint.Sum(route + "_value", terms, (v - tolerance) * g.Den / 100 - g.Shown - 1e-9, (v + tolerance) * g.Den / 100 - g.Shown + 1e-9));
    }

    // A rounded total of denominators bounds the hidden ones: the true total lies in [R − 5, R + 4].
    private void DenominatorConstraints(string route, GroupCounts g, double? rounded)
    {
        if (rounded is not { } r || g.HiddenDen.Count == 0) return;
        AddDen(Constraint.Sum(route + "_denominator", g.HiddenDen.Select(h => (h, 1.0)).ToList(), r - 5 - g.Den, r + 4 - g.Den));
    }

    /// <summary>Targets set from a baseline (A3: 10% below the authority's 1998 value): the target value, the distance from it, the status.</summary>
    public void Targets()
    {
        foreach (var def in _catalogue)
            foreach (var t in def.Targets.Where(t => t.Kind == TargetKind.RelativeReduction && t.BaselineYear is not null))
            {
                double factor = 1 - t.Value / 100;
                foreach (var ((la, year, ind, measure), seen) in _p.Data)
                {
                    if (la is not { } code || ind != def.Id) continue;
                    var baseline = new Key(ind, t.BaselineYear!.Value, code);
                    if (!Weighted(baseline)) continue;
                    double w = 100.0 / _den[baseline];
                    var self = new Key(ind, year, code);
                    if (measure == "target_value" && seen.Number is { } tv)
                        Add(Constraint.Sum("target_value", [(baseline, w)], tv / factor - Tight, tv / factor + Tight));
                    if (measure == "target_distance" && seen.Number is { } dist && Value(self) is { } v)
                        Add(Constraint.Sum("target_distance", [(baseline, w)], (v + dist) / factor - Tight, (v + dist) / factor + Tight));
                    if (measure == "target_status" && seen.Text is "Met" or "Not met" && Value(self) is { } sv && year >= t.FromYear)
                        Add(seen.Text == "Met"
                            ? Constraint.Sum("target_status", [(baseline, w)], sv / factor - Tight, 1e9)
                            : Constraint.Sum("target_status", [(baseline, w)], -1e9, sv / factor + Tight));
                }
                foreach (var row in _p.Csv.Where(r => r["indicator"] == def.Id))
                {
                    var baseline = new Key(def.Id, t.BaselineYear!.Value, int.Parse(row["la_code"], CultureInfo.InvariantCulture));
                    if (Weighted(baseline) && PublishedOutputs.Number(row["target"]) is { } tv)
                        Add(Constraint.Sum("export_target", [(baseline, 100.0 / _den[baseline])], (tv - 0.05) / factor, (tv + 0.05) / factor));
                }
                foreach (var (la, pages) in _p.Packs)
                {
                    var baseline = new Key(def.Id, t.BaselineYear!.Value, la);
                    if (!Weighted(baseline)) continue;
                    var page = pages.FirstOrDefault(pg => PageIndicator(pg) == def.Id && pg.Contains("Rank in England", StringComparison.Ordinal));
                    // The indicator page prints the authority's own target (England has none for a relative target).
                    var m = page is null ? null : Regex.Match(page, @"(?:max|min) (\d+\.\d)%");
                    if (m is { Success: true })
                    {
                        double tv = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                        Add(Constraint.Sum("pack_target", [(baseline, 100.0 / _den[baseline])], (tv - 0.05) / factor, (tv + 0.05) / factor));
                    }
                }
            }
    }

    /// <summary>The change from last year beside one year's published value.</summary>
    public void Change()
    {
        foreach (var ((la, year, ind, measure), seen) in _p.Data)
        {
            if (la is not { } code || measure != "change_pp" || seen.Number is not { } change) continue;
            Key now = new(ind, year, code), before = new(ind, year - 1, code);
            if (Weighted(before) && Value(now) is { } v)
                Add(Constraint.Sum("change", [(before, 100.0 / _den[before])], v - change - Tight, v - change + Tight));
            if (Weighted(now) && Value(before) is { } b)
                Add(Constraint.Sum("change", [(now, 100.0 / _den[now])], b + change - Tight, b + change + Tight));
        }
    }

    /// <summary>The χ² for trend over five years of which some are hidden: solved by trying every candidate.</summary>
    public void Trend()
    {
        foreach (var ((la, year, ind, measure), seen) in _p.Data)
        {
            if (la is not { } code || measure != "trend_chi2" || seen.Number is not { } chi2) continue;
            var years = Enumerable.Range(year - 4, 5).Select(y => new Key(ind, y, code)).ToList();
            var vars = years.Where(_prior.ContainsKey).ToArray();
            if (vars.Length == 0 || years.Any(k => !_den.ContainsKey(k) || (!_prior.ContainsKey(k) && !_shownNum.ContainsKey(k)))) continue;
            Add(new Constraint("trend_chi2", vars, xs =>
            {
                var counts = years.Select(k => new YearCounts(k.Year, _shownNum.TryGetValue(k, out var n) ? n : xs[Array.IndexOf(vars, k)], _den[k])).ToList();
                return TrendTest.Test(counts).Chi2 is { } c && Math.Abs(c - chi2) <= 1e-6 * Math.Max(1, chi2);
            }));
        }
    }

    /// <summary>Ranks with gaps (hidden authorities ranked among the shown ones) and quartile points computed over hidden values.</summary>
    public void RanksAndQuartiles()
    {
        foreach (var def in _catalogue)
            foreach (var year in Years)
            {
                var ranked = new List<(int Rank, double Value)>();
                int? of = null;
                foreach (var ((la, y, ind, measure), seen) in _p.Data)
                {
                    if (la is not { } code || y != year || ind != def.Id) continue;
                    if (measure == "rank" && seen.Number is { } rk && Value(new Key(ind, y, code)) is { } v) ranked.Add(((int)rk, v));
                    if (measure == "rank_of" && seen.Number is { } n) of = (int)n;
                }
                var hidden = _prior.Keys.Where(k => k.Ind == def.Id && k.Year == year && _den.ContainsKey(k)).ToList();
                if (of is not { } count || hidden.Count == 0 || ranked.Count == 0) continue;
                // Positions 1..count in rank order; shown authorities fill theirs (ties fill consecutive positions).
                var byPosition = new double?[count + 1];
                foreach (var g in ranked.GroupBy(r => r.Rank))
                {
                    int i = 0;
                    foreach (var r in g) if (g.Key + i <= count) byPosition[g.Key + i++] = r.Value;
                }
                // Each hidden value lies between the shown values either side of some empty position.
                var gaps = new List<(double Lo, double Hi)>();
                for (int pos = 1; pos <= count; pos++)
                {
                    if (byPosition[pos] is not null) continue;
                    double? before = null, after = null;
                    for (int j = pos - 1; j >= 1 && before is null; j--) before = byPosition[j];
                    for (int j = pos + 1; j <= count && after is null; j++) after = byPosition[j];
                    double a = before ?? (def.Polarity == Polarity.LowerIsBetter ? -1e9 : 1e9), b = after ?? (def.Polarity == Polarity.LowerIsBetter ? 1e9 : -1e9);
                    gaps.Add((Math.Min(a, b), Math.Max(a, b)));
                }
                if (gaps.Count == 0) continue;
                foreach (var h in hidden)
                {
                    double w = 100.0 / _den[h];
                    Add(new Constraint("rank_gaps", [h], xs => gaps.Any(g => w * xs[0] >= g.Lo - 1e-9 && w * xs[0] <= g.Hi + 1e-9)));
                }
                // Quartile points (type 7) whose interpolation touches exactly one empty position give that position's value.
                var ascending = def.Polarity == Polarity.LowerIsBetter ? byPosition.Skip(1).ToArray() : byPosition.Skip(1).Reverse().ToArray();
                foreach (var (measure, q) in new[] { ("q1", 0.25), ("median", 0.5), ("q3", 0.75) })
                {
                    if (!_p.Data.TryGetValue((null, year, def.Id, measure), out var qs) || qs.Number is not { } qv) continue;
                    double p = (count - 1) * q;
                    int lo = (int)Math.Floor(p);
                    double f = p - lo;
                    double? xlo = ascending[lo], xhi = lo + 1 < count ? ascending[lo + 1] : xlo;
                    double? u = xlo is null && (xhi is not null || f == 0) ? (f == 0 ? qv : (qv - f * xhi!.Value) / (1 - f))
                        : xhi is null && xlo is not null && f > 0 ? (qv - (1 - f) * xlo.Value) / f : null;
                    if (u is not { } value) continue;
                    var could = hidden.Where(h => _prior[h].Any(x => Math.Abs(100.0 * x / _den[h] - value) < 1e-6)).ToList();
                    if (could.Count == 1)
                        Add(Constraint.Sum("quartiles", [(could[0], 100.0 / _den[could[0]])], value - 1e-6, value + 1e-6));
                }
            }
    }

    /// <summary>"N of M meeting target" in the national pack, for England and each region, against the statuses shown.</summary>
    public void MeetingTarget()
    {
        foreach (var page in _p.NationalPages)
        {
            var ind = PageIndicator(page);
            var def = _catalogue.FirstOrDefault(d => d.Id == ind);
            if (def is null || !_p.Data.TryGetValue((null, _editionYear, def.Id, "target_value"), out var tv) || tv.Number is not { } target) continue;
            var kind = def.Targets.Where(t => t.FromYear <= _editionYear).MaxBy(t => t.FromYear)?.Kind;
            if (kind is not (TargetKind.Maximum or TargetKind.Minimum)) continue;
            var england = Regex.Match(page, @"(\d+) of (\d+) authorities with the target due met");
            if (england.Success) Meeting("meeting_target_england", def.Id, kind.Value, target, _authorities.Keys, england);
            foreach (var (_, region) in Regions.All)
            {
                var m = Regex.Match(page, Regex.Escape(region) + @" (?:\d+\.\d%|c|–) (\d+) of (\d+)");
                if (m.Success) Meeting("meeting_target_region", def.Id, kind.Value, target, Authorities(a => a.Region == region), m);
                var value = Regex.Match(page, Regex.Escape(region) + @" (\d+\.\d)% ");
                var g = Group(def.Id, _editionYear, Authorities(a => a.Region == region));
                if (value.Success && g.Hidden.Count > 0 && g.Complete)
                    TotalConstraints("pdf_region", g, null, double.Parse(value.Groups[1].Value, CultureInfo.InvariantCulture), 0.05);
            }
        }
    }

    private void Meeting(string route, string ind, TargetKind kind, double target, IEnumerable<int> las, Match m)
    {
        int met = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), due = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        int shownMet = 0, shownDue = 0;
        var hidden = new List<Key>();
        foreach (var la in las)
        {
            var k = new Key(ind, _editionYear, la);
            if (_prior.ContainsKey(k)) { hidden.Add(k); continue; }
            if (!_p.Data.TryGetValue((la, _editionYear, ind, "target_status"), out var s)) continue;
            if (s.Text == "Met") { shownMet++; shownDue++; }
            else if (s.Text == "Not met") shownDue++;
        }
        int hiddenDue = due - shownDue, hiddenMet = met - shownMet;
        if (hidden.Count == 0 || hiddenDue != hidden.Count || (hiddenMet != 0 && hiddenMet != hiddenDue) || !hidden.All(_den.ContainsKey)) return;
        bool allMet = hiddenMet == hiddenDue;
        foreach (var h in hidden)
        {
            double w = 100.0 / _den[h];
            bool lowerMeets = kind == TargetKind.Maximum;
            Add(Constraint.Sum(route, [(h, w)], allMet == lowerMeets ? -1e9 : target - 1e-9, allMet == lowerMeets ? target + 1e-9 : 1e9));
        }
    }

    private static string? PageIndicator(string page)
    {
        var m = Regex.Match(page, @"^Quality Protects performance \| [^|]+ \| \d{4}-\d{2} (A1|A2|A3|B7|C23|D78|HA) ");
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Runs every route, then judges: each route alone, then all of them together (combinations of outputs).</summary>
    public IReadOnlyList<AttackResult> Run()
    {
        ComparatorAverages();
        Totals();
        Targets();
        Change();
        Trend();
        RanksAndQuartiles();
        MeetingTarget();
        // The published denominators alone: a hidden numerator beside a denominator of 1 has two candidates.
        var results = new List<AttackResult> { Judge("published denominators", [], [], byPrior: true) };
        results.AddRange(Constraints.GroupBy(c => c.Route).Select(g => (g.Key, Num: g.ToList(), Den: new List<Constraint>()))
            .Concat(DenConstraints.GroupBy(c => c.Route).Select(g => (g.Key, Num: new List<Constraint>(), Den: g.ToList())))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Judge(g.Key, g.Num, g.Den, byPrior: false)));
        results.Add(Judge("all routes combined", Constraints, DenConstraints, byPrior: true));
        return results;
    }

    // A route's result counts what it narrows beyond the published denominators; the combined result counts everything below 3.
    private AttackResult Judge(string route, IReadOnlyList<Constraint> constraints, IReadOnlyList<Constraint> denConstraints, bool byPrior)
    {
        var cand = _prior.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        var dens = _denPrior.ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        for (int round = 0; round < 6 && denConstraints.Count > 0; round++)
        {
            bool changed = false;
            foreach (var c in denConstraints) changed |= Propagate(c, dens);
            if (!changed) break;
        }
        // A hidden numerator is at most the largest denominator left.
        foreach (var (k, d) in dens) cand[k] = cand[k].Where(x => d.Count > 0 && x <= d.Max()).ToList();
        for (int round = 0; round < 6; round++)
        {
            bool changed = false;
            foreach (var c in constraints) changed |= Propagate(c, cand);
            if (!changed) break;
        }
        var narrowed = _prior.Keys.Where(k => cand[k].Count < 3 && (byPrior || cand[k].Count < _prior[k].Count)).ToList();
        var examples = narrowed.Take(6).Select(k => $"{k} = {_truth[k]} of {(_den.TryGetValue(k, out var d) ? d.ToString(CultureInfo.InvariantCulture) : "c")} → {{{string.Join(",", cand[k])}}}").ToList();
        return new AttackResult(route, _prior.Count, narrowed.Count(k => cand[k].Count == 1), narrowed.Count, examples);
    }

    // Keeps each variable's candidates that some assignment of the others satisfies; bounds large linear sums instead of enumerating.
    private static bool Propagate(Constraint c, Dictionary<Key, List<int>> cand)
    {
        var sets = c.Vars.Select(v => cand[v]).ToArray();
        if (sets.Any(s => s.Count == 0)) return false;
        double product = sets.Aggregate(1.0, (p, s) => p * s.Count);
        var support = c.Vars.Select(_ => new HashSet<int>()).ToArray();
        if (product <= 50_000)
        {
            var xs = new int[sets.Length];
            void Walk(int i)
            {
                if (i == sets.Length)
                {
                    if (!c.Holds(xs)) return;
                    for (int j = 0; j < xs.Length; j++) support[j].Add(xs[j]);
                    return;
                }
                foreach (var x in sets[i]) { xs[i] = x; Walk(i + 1); }
            }
            Walk(0);
        }
        else if (c.Linear is { } lin)
        {
            double min = 0, max = 0;
            for (int i = 0; i < sets.Length; i++)
            {
                min += sets[i].Min(x => lin.W[i] * x);
                max += sets[i].Max(x => lin.W[i] * x);
            }
            for (int i = 0; i < sets.Length; i++)
            {
                double oMin = min - sets[i].Min(x => lin.W[i] * x), oMax = max - sets[i].Max(x => lin.W[i] * x);
                foreach (var x in sets[i])
                    if (lin.W[i] * x + oMax >= lin.Lo && lin.W[i] * x + oMin <= lin.Hi) support[i].Add(x);
            }
        }
        else return false;
        bool changed = false;
        for (int i = 0; i < sets.Length; i++)
        {
            var kept = sets[i].Where(support[i].Contains).ToList();
            if (kept.Count == sets[i].Count) continue;
            cand[c.Vars[i]] = kept;
            changed = true;
        }
        return changed;
    }
}
