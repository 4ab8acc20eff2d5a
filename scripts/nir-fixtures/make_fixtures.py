#!/usr/bin/python3
"""Writes the NIR fixtures of tests/fixtures/nir: small graphs saved with the NIR reference
library (`nir.write`), and beside each `<name>.expected.json`, what an independent numpy
simulation of Spikelab's discrete model says they do.

Run (from the repository root):
    PYTHONPATH=/path/to/nir-source /usr/bin/python3 scripts/nir-fixtures/make_fixtures.py
(numpy and h5py from Debian; the NIR library from its source tree, not installed: it then has
no `nir.version`, which `nir.write` stores, so the script sets it, see NIR_VERSION.)

THE CONVENTION the expected files follow (Spikelab's, CONTEXT.md step 2g, issue 11's contract):
- Time runs in steps t = 0 .. steps-1 of dt (NIR times are seconds; dt = 1e-3 s = 1 ms).
- An Input node's spike at step s (`inputs.<node>.steps/indices`, indices into the node's
  shape flattened in C order) is emitted at step s. A spike emitted at step t (by an Input or
  by a spiking neuron node) is in its targets' input at step t+1; a Delay node on the way adds
  round(delay/dt) steps (per element of the signal it delays).
- Between two neuron nodes, Affine/Linear/Scale/Conv1d/Conv2d/SumPool2d/AvgPool2d/Flatten act
  on the spike vector as NIR defines them (PyTorch's conventions for conv and pooling, weights
  [Cout, Cin/groups, k...], avg pooling dividing by kH*kW (count_include_pad), Flatten a C-order
  reshape); their biases are constant and add to the target's bias (every step from step 0).
  Every weight and bias here is a small dyadic number, so every sum is exact in float32 and the
  order in which an engine adds the delivered weights cannot change a bit.
- Each neuron node is a population; per neuron j, in np.float32, every operation rounded:
      u = bias[j] + 0;  u = u + I[j]            (I: the sum of the weights delivered for t)
      Cuba types:  S = S * synDecay;  S = S + synGain * u;  u = S
      a = V - vLeak;  b = a * leak;  c = V - b;  d = gain * u;  V = c + d
      spiking types (LIF, IF, CubaLIF, Threshold):  spiked = V > vThreshold;  V = vReset there
  with V, S starting at 0, and coefficients computed in float64 (times in ms) then rounded
  to float32:
      exact:  leak = 1 - exp(-dt/tau_mem), gain = r * (1 - exp(-dt/tau_mem)),
              synDecay = exp(-dt/tau_syn), synGain = w_in * (1 - exp(-dt/tau_syn))
      euler:  leak = dt/tau_mem, gain = r * dt/tau_mem, synDecay = 1 - dt/tau_syn,
              synGain = w_in * dt/tau_syn
      IF, I:  leak = 0, gain = (r * 1e-3) * dt   (NIR's r is per second, the document's per ms)
      Threshold: leak = 1, vLeak = 0, gain = 1, vReset = 0 (so V = u); LI, I, CubaLI never spike.
  The taus are chosen so that every way of computing dt/tau (in seconds or in ms) rounds to
  the same float32 coefficient; the script checks this and stops otherwise.
- Recorded: `spikes` (steps, indices, in step order then index order) of each spiking node,
  `v` (V at the end of each step, [step][neuron]) of each non-spiking node, and `i_syn`
  (S for Cuba types, else u) of it. Numbers are the float32 values, printed as the shortest
  decimal that reads back to the same float64 (so `Math.fround(x)` is the float32 exactly).
- `graph`: every node's type and parameters (dtype, shape, values) as written, for the reader's
  tests.
"""

import json
import math
import os
import sys

import numpy as np

import nir

NIR_VERSION = "1.0.7"
if not hasattr(nir, "version"):
    nir.version = NIR_VERSION

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures", "nir")
DT = 1e-3  # seconds
f32 = np.float32

NEURON_TYPES = {"LIF", "IF", "LI", "I", "CubaLIF", "CubaLI", "Threshold"}
SPIKING = {"LIF", "IF", "CubaLIF", "Threshold"}
CUBA = {"CubaLIF", "CubaLI"}


# ---------------------------------------------------------------- coefficients


def ratio_routes(tau_s):
    """dt/tau computed the ways an importer might: in ms, in seconds, via /1e-3."""
    dt_ms = DT * 1e3
    return [dt_ms / (tau_s * 1e3), DT / tau_s, (DT / 1e-3) / (tau_s / 1e-3), 1.0 / (tau_s * 1e3)]


def one_route(name, values):
    """The float32 of a coefficient, after checking that every route gives the same one."""
    rounded = {float(f32(v)) for v in values}
    if len(rounded) != 1:
        sys.exit(f"{name}: the routes disagree in float32 ({sorted(rounded)}); choose another tau")
    return rounded.pop()


def coefficients(node_type, p, discretisation):
    """Per-neuron float32 coefficient arrays of a neuron node (see the module comment)."""
    n = p["size"]
    out = {k: np.zeros(n, dtype=f32) for k in ("leak", "gain", "vLeak", "vThreshold", "vReset", "synDecay", "synGain")}
    for j in range(n):
        get = lambda k: float(np.asarray(p[k]).reshape(-1)[j])
        if node_type in ("IF", "I"):
            r = get("r")
            out["leak"][j] = 0.0
            out["gain"][j] = one_route(f"{node_type} gain", [(r * 1e-3) * (DT * 1e3), r * DT, r / 1000.0])
        elif node_type == "Threshold":
            out["leak"][j] = 1.0
            out["gain"][j] = 1.0
        else:
            tau = get("tau_mem" if node_type in CUBA else "tau")
            r = get("r")
            routes = ratio_routes(tau)
            if discretisation == "exact":
                out["leak"][j] = one_route("leak", [1 - math.exp(-x) for x in routes])
                out["gain"][j] = one_route("gain", [r * (1 - math.exp(-x)) for x in routes])
            else:
                out["leak"][j] = one_route("leak", routes)
                out["gain"][j] = one_route("gain", [r * x for x in routes] + [r * DT * 1e3 / (tau * 1e3)])
            out["vLeak"][j] = get("v_leak")
            if node_type in CUBA:
                routes = ratio_routes(get("tau_syn"))
                w_in = get("w_in")
                if discretisation == "exact":
                    out["synDecay"][j] = one_route("synDecay", [math.exp(-x) for x in routes])
                    out["synGain"][j] = one_route("synGain", [w_in * (1 - math.exp(-x)) for x in routes])
                else:
                    out["synDecay"][j] = one_route("synDecay", [1 - x for x in routes])
                    out["synGain"][j] = one_route("synGain", [w_in * x for x in routes])
        if node_type in SPIKING and node_type != "Threshold":
            out["vThreshold"][j] = get("v_threshold")
            out["vReset"][j] = get("v_reset")
        elif node_type == "Threshold":
            out["vThreshold"][j] = get("threshold")
        else:
            out["vThreshold"][j] = np.inf
    return out


# ---------------------------------------------------------------- graph helpers


def node_params(node):
    """The node's parameters as nir.write stores them (its to_dict without type/nodes/edges)."""
    d = node.to_dict()
    for k in ("type", "nodes", "edges", "metadata"):
        d.pop(k, None)
    return d


def flatten(graph, prefix=""):
    """(nodes by dotted name, edges), subgraphs spliced: their Input and Output nodes pass through."""
    nodes, edges = {}, []
    for name, node in graph.nodes.items():
        if isinstance(node, nir.NIRGraph):
            sub_nodes, sub_edges = flatten(node, prefix + name + ".")
            nodes.update(sub_nodes)
            edges.extend(sub_edges)
        else:
            nodes[prefix + name] = node

    def ends(name, kind):
        node = graph.nodes[name]
        if not isinstance(node, nir.NIRGraph):
            return [prefix + name]
        return [prefix + name + "." + k for k, v in node.nodes.items() if isinstance(v, kind)]

    for a, b in graph.edges:
        edges += [(x, y) for x in ends(a, nir.Output) for y in ends(b, nir.Input)]
    if prefix == "":
        for name in [k for k, v in nodes.items() if "." in k and isinstance(v, (nir.Input, nir.Output))]:
            preds = [x for x, y in edges if y == name]
            succs = [y for x, y in edges if x == name]
            edges = [e for e in edges if name not in e] + [(x, y) for x in preds for y in succs]
            del nodes[name]
    return nodes, edges


def conv_nd(x, w, stride, padding, dilation, groups):
    """PyTorch's convolution (cross-correlation) of x [Cin, *S] with w [Cout, Cin/g, *K], float64."""
    nd = w.ndim - 2
    xp = np.pad(x, [(0, 0)] + [(p, p) for p in padding])
    cout, cin_g = w.shape[0], w.shape[1]
    out_sizes = [
        (x.shape[1 + i] + 2 * padding[i] - dilation[i] * (w.shape[2 + i] - 1) - 1) // stride[i] + 1 for i in range(nd)
    ]
    y = np.zeros([cout] + out_sizes)
    per_group = cout // groups
    for co in range(cout):
        g = co // per_group
        for pos in np.ndindex(*out_sizes):
            acc = 0.0
            for ci in range(cin_g):
                for k in np.ndindex(*w.shape[2:]):
                    idx = tuple(pos[i] * stride[i] + k[i] * dilation[i] for i in range(nd))
                    acc += w[(co, ci) + k] * xp[(g * cin_g + ci,) + idx]
            y[(co,) + pos] = acc
    return y


def pool2d(x, kernel, stride, padding, average):
    """Sum (or average, dividing by kH*kW) pooling of x [C, H, W], float64."""
    c = x.shape[0]
    w = np.zeros((c, 1, kernel[0], kernel[1]))
    w[:] = 1.0 / (kernel[0] * kernel[1]) if average else 1.0
    return conv_nd(x, w, stride, padding, (1, 1), c)


def as_pair(v):
    v = np.asarray(v).reshape(-1)
    return (int(v[0]), int(v[-1]))


def apply_op(node, x):
    """The linear part of a non-neuron node applied to a signal x (float64, the node's input shape)."""
    if isinstance(node, (nir.Affine, nir.Linear)):
        return node.weight.astype(np.float64) @ x.reshape(-1)
    if isinstance(node, nir.Scale):
        return node.scale.astype(np.float64) * x
    if isinstance(node, nir.Flatten):
        return x.reshape(tuple(node.output_type["output"]))
    if isinstance(node, nir.Conv2d):
        return conv_nd(x, node.weight.astype(np.float64), as_pair(node.stride), as_pair(node.padding), as_pair(node.dilation), int(node.groups))
    if isinstance(node, nir.Conv1d):
        return conv_nd(x, node.weight.astype(np.float64), (int(node.stride),), (int(node.padding),), (int(node.dilation),), int(node.groups))
    if isinstance(node, (nir.SumPool2d, nir.AvgPool2d)):
        return pool2d(x, as_pair(node.kernel_size), as_pair(node.stride), as_pair(node.padding), isinstance(node, nir.AvgPool2d))
    raise ValueError(f"no linear op for {type(node).__name__}")


def offset_of(node, shape):
    """A node's constant output term (its bias) in its output shape, or None."""
    if isinstance(node, nir.Affine):
        return node.bias.astype(np.float64)
    if isinstance(node, (nir.Conv2d, nir.Conv1d)):
        return np.broadcast_to(node.bias.astype(np.float64).reshape((-1,) + (1,) * (len(shape) - 1)), shape).copy()
    return None


def exact32(x, what):
    if not np.array_equal(np.asarray(x, dtype=np.float64), np.asarray(x, dtype=f32).astype(np.float64)):
        sys.exit(f"{what}: not exact in float32; use dyadic weights")
    return np.asarray(x, dtype=f32)


class Simulation:
    """The discrete model of the module comment over a flattened NIR graph."""

    def __init__(self, graph, discretisation, steps):
        self.nodes, self.edges = flatten(graph)
        self.steps = steps
        self.neurons = {k: v for k, v in self.nodes.items() if type(v).__name__ in NEURON_TYPES}
        self.state = {}
        for name, node in self.neurons.items():
            t = type(node).__name__
            p = node_params(node)
            shape = tuple(np.asarray(p["threshold" if t == "Threshold" else "r"]).shape)
            p["size"] = int(np.prod(shape))
            self.state[name] = {
                "type": t,
                "shape": list(shape),
                "coef": coefficients(t, p, discretisation),
                "bias": np.zeros(p["size"]),
                "V": np.zeros(p["size"], dtype=f32),
                "S": np.zeros(p["size"], dtype=f32),
                "I": np.zeros((steps + 64, p["size"])),
            }
        # Biases: every op's constant term, carried forward through the linear parts after it.
        for name, node in self.nodes.items():
            shape = self.out_shape(name)
            off = offset_of(node, shape)
            if off is not None:
                self.deliver(name, {0: off}, bias=True, t=-1)
        for s in self.state.values():
            s["bias"] = exact32(s["bias"], "bias")

    def out_shape(self, name):
        node = self.nodes[name]
        if isinstance(node, nir.Input):
            return tuple(int(v) for v in node.input_type["input"])
        out = node.output_type["output"] if isinstance(node.output_type, dict) else None
        if out is not None and not any(v is None for v in np.atleast_1d(out)):
            return tuple(int(v) for v in out)
        raise ValueError(f"{name}: no output shape")

    def deliver(self, source, signal, bias, t):
        """Carries {delay_steps: array} out of `source` along every edge into neuron nodes."""
        for a, b in self.edges:
            if a != source:
                continue
            node = self.nodes[b]
            if b in self.state:
                for d, x in signal.items():
                    if bias:
                        self.state[b]["bias"] += x.reshape(-1)
                    else:
                        self.state[b]["I"][t + 1 + d] += x.reshape(-1)
            elif isinstance(node, nir.Output):
                continue
            elif isinstance(node, nir.Delay):
                steps = np.rint(node.delay.astype(np.float64) / DT).astype(int).reshape(-1)
                out = {}
                for d, x in signal.items():
                    flat = x.reshape(-1)
                    for i, k in enumerate(steps):
                        part = out.setdefault(d + int(k), np.zeros_like(flat))
                        part[i] += flat[i]
                self.deliver(b, {d: v.reshape(x.shape) for d, v in out.items()}, bias, t)
            else:
                self.deliver(b, {d: apply_op(node, x) for d, x in signal.items()}, bias, t)

    def run(self, inputs):
        """inputs: {input node: (steps, indices)}. Returns {node: {spikes, v, i_syn}}."""
        rec = {name: {"spike_steps": [], "spike_indices": [], "v": [], "i_syn": []} for name in self.state}
        for t in range(self.steps):
            spikes = {}
            for name, s in self.state.items():
                c = s["coef"]
                u = s["bias"] + f32(0)
                u = u + exact32(s["I"][t], f"{name} input at step {t}")
                if s["type"] in CUBA:
                    s["S"] = s["S"] * c["synDecay"]
                    s["S"] = s["S"] + c["synGain"] * u
                    u = s["S"]
                V = s["V"]
                a = V - c["vLeak"]
                b = a * c["leak"]
                cc = V - b
                d = c["gain"] * u
                V = cc + d
                fired = V > c["vThreshold"]
                V = np.where(fired, c["vReset"], V).astype(f32)
                s["V"] = V
                idx = np.nonzero(fired)[0]
                rec[name]["spike_steps"] += [t] * len(idx)
                rec[name]["spike_indices"] += idx.tolist()
                rec[name]["v"].append(V.copy())
                rec[name]["i_syn"].append(np.asarray(u, dtype=f32).copy())
                if len(idx) > 0:
                    spikes[name] = fired.astype(np.float64)
            for name, (steps, indices) in inputs.items():
                x = np.zeros(int(np.prod(self.out_shape(name))))
                for s_, i in zip(steps, indices):
                    if s_ == t:
                        x[i] += 1.0
                if x.any():
                    spikes[name] = x
            for name, x in spikes.items():
                self.deliver(name, {0: x.reshape(self.out_shape(name))}, bias=False, t=t)
        return rec


# ---------------------------------------------------------------- output


def num(x):
    """A float32 as the shortest decimal of its float64 value (exact through Math.fround)."""
    v = float(x)
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def summary(graph):
    out = {"nodes": {}, "edges": [list(e) for e in graph.edges]}
    for name, node in graph.nodes.items():
        if isinstance(node, nir.NIRGraph):
            sub = summary(node)
            out["nodes"][name] = {"type": "NIRGraph", "nodes": sub["nodes"], "edges": sub["edges"]}
            continue
        params = {}
        for k, v in node_params(node).items():
            if isinstance(v, (tuple, list)):
                v = np.asarray(v)  # as h5py stores a tuple
            if isinstance(v, str):
                params[k] = {"string": v}
            elif isinstance(v, np.ndarray):
                params[k] = {"dtype": str(v.dtype), "shape": list(v.shape), "values": [num(x) for x in v.reshape(-1)]}
            else:
                params[k] = {"scalar": num(v) if isinstance(v, float) else int(v)}
        out["nodes"][name] = {"type": type(node).__name__, "params": params}
    return out


def schedule(rng, size, steps, p, last):
    """Random input spikes (probability p per neuron and step, none after step `last`)."""
    st, ix = [], []
    for t in range(min(steps, last)):
        for i in range(size):
            if rng.random() < p:
                st.append(t)
                ix.append(i)
    return st, ix


def write_fixture(name, graph, discretisation, steps, input_p, description, seed, last=None):
    path = os.path.join(OUT, f"{name}.nir")
    nir.write(path, graph)
    back = nir.read(path)  # the NIR library reads its own file back (type checks included)
    assert set(back.nodes) == set(graph.nodes), name
    rng = np.random.default_rng(seed)
    sim = Simulation(graph, discretisation, steps)
    inputs = {}
    for k, node in sim.nodes.items():
        if isinstance(node, nir.Input) and "." not in k:
            inputs[k] = schedule(rng, int(np.prod(sim.out_shape(k))), steps, input_p, last or steps)
    rec = sim.run(inputs)
    nodes = {}
    for k, s in sim.state.items():
        entry = {
            "type": s["type"],
            "shape": s["shape"],
            "bias": [num(x) for x in s["bias"]],
            "coefficients": {
                key: [num(x) for x in v]
                for key, v in s["coef"].items()
                if not (key in ("synDecay", "synGain") and s["type"] not in CUBA)
            },
        }
        if s["type"] in SPIKING:
            entry["spikes"] = {"steps": rec[k]["spike_steps"], "indices": rec[k]["spike_indices"]}
        else:
            entry["v"] = [[num(x) for x in row] for row in rec[k]["v"]]
            entry["i_syn"] = [[num(x) for x in row] for row in rec[k]["i_syn"]]
        nodes[k] = entry
    expected = {
        "nir_file": f"{name}.nir",
        "description": description,
        "convention": "scripts/nir-fixtures/make_fixtures.py (module comment)",
        "nir_version": nir.version,
        "dt": DT,
        "time_unit": "s",
        "discretisation": discretisation,
        "steps": steps,
        "inputs": {k: {"steps": v[0], "indices": v[1]} for k, v in inputs.items()},
        "nodes": nodes,
        "graph": summary(graph),
    }
    with open(os.path.join(OUT, f"{name}.expected.json"), "w") as f:
        json.dump(expected, f, separators=(",", ":"))
        f.write("\n")
    counts = {k: len(v["spikes"]["steps"]) for k, v in nodes.items() if "spikes" in v}
    print(f"{name}: {os.path.getsize(path)} bytes, input spikes {sum(len(v[0]) for v in inputs.values())}, spikes {counts}")


if __name__ == "__main__":
    from fixtures import FIXTURES  # noqa: E402  (the graphs, beside this file)

    os.makedirs(OUT, exist_ok=True)
    for fixture in FIXTURES():
        write_fixture(**fixture)
