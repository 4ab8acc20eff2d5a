#!/usr/bin/python3
"""Checks that the NIR library reads the .nir files Spikelab wrote (rewrite-fixtures.ts) as it
reads the fixtures it wrote itself: the same node types, edges, metadata and parameters (values,
dtypes and shapes), with NIR's type checks on. Exits 1 on the first difference.

    PYTHONPATH=/path/to/nir-source /usr/bin/python3 scripts/nir-fixtures/check_nir_read.py DIR
"""

import os
import sys

import numpy as np

import nir

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures", "nir")


def same(a, b, where):
    if isinstance(a, nir.NIRGraph):
        if not isinstance(b, nir.NIRGraph) or sorted(a.nodes) != sorted(b.nodes):
            sys.exit(f"{where}: nodes differ")
        if sorted(map(tuple, a.edges)) != sorted(map(tuple, b.edges)):
            sys.exit(f"{where}: edges differ: {a.edges} / {b.edges}")
        for k in a.nodes:
            same(a.nodes[k], b.nodes[k], f"{where}.{k}")
        same(a.metadata, b.metadata, f"{where}.metadata")
        return
    if isinstance(a, nir.NIRNode):
        if type(a) is not type(b):
            sys.exit(f"{where}: {type(a).__name__} read as {type(b).__name__}")
        da, db = a.to_dict(), b.to_dict()
        for k in set(da) | set(db):
            same(da.get(k), db.get(k), f"{where}.{k}")
        return
    if isinstance(a, dict):
        if set(a) != set(b):
            sys.exit(f"{where}: keys {sorted(a)} / {sorted(b)}")
        for k in a:
            same(a[k], b[k], f"{where}.{k}")
        return
    xa, xb = np.asarray(a), np.asarray(b)
    if xa.dtype != xb.dtype or xa.shape != xb.shape or not np.array_equal(xa, xb):
        sys.exit(f"{where}: {xa.dtype}{list(xa.shape)} {a!r} / {xb.dtype}{list(xb.shape)} {b!r}")


def main(ours):
    files = sorted(f for f in os.listdir(FIXTURES) if f.endswith(".nir"))
    for f in files:
        theirs = nir.read(os.path.join(FIXTURES, f))
        mine = nir.read(os.path.join(ours, f))
        same(theirs, mine, f)
        print(f"{f}: nir.read reads ours as its own ({len(mine.nodes)} nodes)")
    print(f"{len(files)} files, no difference")


if __name__ == "__main__":
    main(sys.argv[1])
