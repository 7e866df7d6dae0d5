#!/usr/bin/env python3
"""The plain loader qp's import is measured against: read every CSV of every return and insert it into SQLite.

Written the obvious way on purpose (csv + sqlite3, executemany, one transaction for the whole load), with no
validation at all. Usage: plain_loader.py RETURNS_DIR DB  — RETURNS_DIR holds NNN_YYYY folders of CSV files.
Prints one line: rows, seconds, peak RSS in MB.
"""
import csv
import os
import resource
import sqlite3
import sys
import time


def main(returns_dir: str, db: str) -> None:
    start = time.perf_counter()
    if os.path.exists(db):
        os.remove(db)
    conn = sqlite3.connect(db)
    rows = 0
    tables: set[str] = set()
    with conn:  # one transaction
        for folder in sorted(os.listdir(returns_dir)):
            path = os.path.join(returns_dir, folder)
            if not os.path.isdir(path) or "_" not in folder:
                continue
            la, year = folder.split("_", 1)
            for name in sorted(os.listdir(path)):
                if not name.endswith(".csv"):
                    continue
                table = name[:-4].lower()
                with open(os.path.join(path, name), newline="", encoding="utf-8") as f:
                    reader = csv.reader(f)
                    header = next(reader, None)
                    if not header:
                        continue
                    # A table per layout: the same table may have other columns in another year.
                    table = f"{table}_{len(header)}"
                    if table not in tables:
                        cols = ", ".join(f'"{c}" TEXT' for c in header)
                        conn.execute(f'CREATE TABLE "{table}" (la INTEGER, year INTEGER, {cols})')
                        tables.add(table)
                    marks = ", ".join("?" for _ in range(len(header) + 2))
                    batch = [(la, year, *r) for r in reader if len(r) == len(header)]
                    conn.executemany(f'INSERT INTO "{table}" VALUES ({marks})', batch)
                    rows += len(batch)
    conn.close()
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{rows} rows {seconds:.3f} s {peak_mb:.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
