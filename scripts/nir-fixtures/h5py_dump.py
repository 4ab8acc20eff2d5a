#!/usr/bin/python3
"""Prints HDF5 files as h5py reads them, as JSON by file name: for every dataset its path, dtype, shape,
compression and values (strings decoded as NIR's reader decodes them), for every group and
dataset its attributes. Used by tests/unit/interchange/nir-hdf5-h5py.test.ts and the NIR data
test to check that files Spikelab writes are what h5py (and so the NIR library) reads.

    /usr/bin/python3 scripts/nir-fixtures/h5py_dump.py FILE.h5 [FILE.h5 ...]
"""

import json
import sys

import h5py
import numpy as np


def plain(v):
    if isinstance(v, bytes):
        return v.decode("utf8")
    if isinstance(v, np.ndarray):
        return [plain(x) for x in v.reshape(-1).tolist()] if v.dtype == object else v.reshape(-1).tolist()
    if isinstance(v, (np.integer, np.floating)):
        return v.item()
    return v


def finite(v):
    """JSON has no infinities: they become the strings 'Infinity', '-Infinity', 'NaN'."""
    if isinstance(v, float) and not np.isfinite(v):
        return "NaN" if np.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, list):
        return [finite(x) for x in v]
    if isinstance(v, dict):
        return {k: finite(x) for k, x in v.items()}
    return v


def dump(path):
    out = {}

    def visit(name, obj):
        entry = {"attrs": {k: plain(v) for k, v in obj.attrs.items()}}
        if isinstance(obj, h5py.Dataset):
            value = obj[()]
            entry.update(
                kind="dataset",
                dtype=str(obj.dtype),
                shape=list(obj.shape),
                compression=obj.compression,
                compression_opts=obj.compression_opts,
                values=plain(value) if isinstance(value, np.ndarray) else [plain(value)],
            )
        else:
            entry["kind"] = "group"
        out["/" + name] = entry

    with h5py.File(path, "r") as f:
        out["/"] = {"kind": "group", "attrs": {k: plain(v) for k, v in f.attrs.items()}}
        f.visititems(visit)
    return out


if __name__ == "__main__":
    json.dump(finite({path: dump(path) for path in sys.argv[1:]}), sys.stdout, allow_nan=False)
