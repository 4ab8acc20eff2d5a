"""The fixture graphs of make_fixtures.py: small, every NIR node type at least once, weights and
biases dyadic (k/16, k/32: exact in float32 whatever the order of a sum). Taus 5..20 ms."""

import numpy as np

import nir

f32 = np.float32


def dyadic(rng, shape, lo, hi, den):
    """Random multiples of 1/den in [lo, hi]."""
    return (rng.integers(int(lo * den), int(hi * den) + 1, size=shape) / den).astype(f32)


def full(shape, value, dtype=f32):
    return np.full(shape, value, dtype=dtype)


def lif(n, tau, r, v_threshold=1.0, v_leak=0.0, v_reset=0.0):
    return nir.LIF(
        tau=full(n, tau),
        r=full(n, r),
        v_leak=full(n, v_leak),
        v_threshold=full(n, v_threshold),
        v_reset=full(n, v_reset),
    )


def graph(nodes, edges, **kw):
    return nir.NIRGraph(nodes=nodes, edges=edges, **kw)


def inp(*shape):
    return nir.Input(input_type={"input": np.array(shape)})


def out(*shape):
    return nir.Output(output_type={"output": np.array(shape)})


def FIXTURES():
    rng = np.random.default_rng(11)
    fx = []

    def add(name, g, description, discretisation="exact", steps=60, input_p=0.3, seed=None, last=None):
        fx.append(
            dict(
                name=name,
                graph=g,
                discretisation=discretisation,
                steps=steps,
                input_p=input_p,
                description=description,
                seed=len(fx) + 1 if seed is None else seed,
                last=last,
            )
        )

    # Input -> Affine -> LIF -> Output, per-neuron taus and a leak potential.
    n_in, n = 4, 3
    add(
        "lif_affine",
        graph(
            {
                "input": inp(n_in),
                "affine": nir.Affine(weight=dyadic(rng, (n, n_in), -0.25, 1.0, 16), bias=np.array([0.125, 0.0, -0.0625], dtype=f32)),
                "lif": nir.LIF(
                    tau=np.array([5e-3, 10e-3, 20e-3], dtype=f32),
                    r=full(n, 8.0),
                    v_leak=np.array([0.0, 0.125, 0.0], dtype=f32),
                    v_threshold=full(n, 1.0),
                    v_reset=np.array([0.0, 0.0, -0.25], dtype=f32),
                ),
                "output": out(n),
            },
            [("input", "affine"), ("affine", "lif"), ("lif", "output")],
        ),
        "Affine into LIF (per-neuron tau, v_leak, v_reset; Affine bias into the LIF's bias)",
    )

    # Input -> Linear -> IF -> Output.
    add(
        "if_linear",
        graph(
            {
                "input": inp(3),
                "linear": nir.Linear(weight=dyadic(rng, (2, 3), -0.5, 1.0, 16)),
                "if": nir.IF(r=np.array([1000.0, 500.0], dtype=f32), v_threshold=full(2, 1.0), v_reset=full(2, 0.0)),
                "output": out(2),
            },
            [("input", "linear"), ("linear", "if"), ("if", "output")],
        ),
        "Linear into IF (r per second: gain r*1e-3*dt)",
    )

    # Input -> Scale -> LI -> Output (non-spiking: V traces).
    add(
        "li_scale",
        graph(
            {
                "input": inp(3),
                "scale": nir.Scale(scale=np.array([0.5, -0.25, 1.5], dtype=f32)),
                "li": nir.LI(tau=np.array([5e-3, 10e-3, 20e-3], dtype=f32), r=full(3, 2.0), v_leak=np.array([0.0, 0.0, 0.25], dtype=f32)),
                "output": out(3),
            },
            [("input", "scale"), ("scale", "li"), ("li", "output")],
        ),
        "Scale into LI (non-spiking: V traces)",
        steps=40,
    )

    # Input -> Linear -> I -> Output.
    add(
        "i_linear",
        graph(
            {
                "input": inp(2),
                "linear": nir.Linear(weight=dyadic(rng, (2, 2), -1.0, 1.0, 8)),
                "integrator": nir.I(r=np.array([1000.0, 250.0], dtype=f32)),
                "output": out(2),
            },
            [("input", "linear"), ("linear", "integrator"), ("integrator", "output")],
        ),
        "Linear into I (a perfect integrator, non-spiking)",
        steps=40,
    )

    # Input -> Affine -> CubaLIF -> Output, w_in != 1.
    add(
        "cubalif_affine",
        graph(
            {
                "input": inp(4),
                "affine": nir.Affine(weight=dyadic(rng, (3, 4), 0.0, 1.0, 16), bias=np.array([0.0, 0.0625, 0.0], dtype=f32)),
                "cuba": nir.CubaLIF(
                    tau_mem=np.array([10e-3, 20e-3, 10e-3], dtype=f32),
                    tau_syn=np.array([5e-3, 5e-3, 10e-3], dtype=f32),
                    r=full(3, 4.0),
                    v_leak=full(3, 0.0),
                    v_threshold=full(3, 1.0),
                    v_reset=full(3, 0.0),
                    w_in=np.array([1.0, 2.0, 1.5], dtype=f32),
                ),
                "output": out(3),
            },
            [("input", "affine"), ("affine", "cuba"), ("cuba", "output")],
        ),
        "Affine into CubaLIF (w_in per neuron)",
    )

    # Input -> Linear -> CubaLI -> Output.
    add(
        "cubali_linear",
        graph(
            {
                "input": inp(3),
                "linear": nir.Linear(weight=dyadic(rng, (2, 3), -0.5, 1.0, 16)),
                "cubali": nir.CubaLI(
                    tau_mem=full(2, 20e-3),
                    tau_syn=np.array([5e-3, 10e-3], dtype=f32),
                    r=full(2, 1.0),
                    v_leak=full(2, 0.0),
                    w_in=full(2, 1.0),
                ),
                "output": out(2),
            },
            [("input", "linear"), ("linear", "cubali"), ("cubali", "output")],
        ),
        "Linear into CubaLI (non-spiking: V and synaptic current traces)",
        steps=40,
    )

    # Input -> Affine -> Threshold -> Output.
    add(
        "threshold_affine",
        graph(
            {
                "input": inp(3),
                "affine": nir.Affine(weight=dyadic(rng, (2, 3), -0.5, 1.0, 8), bias=np.array([0.25, -0.125], dtype=f32)),
                "threshold": nir.Threshold(threshold=np.array([0.5, 0.25], dtype=f32)),
                "output": out(2),
            },
            [("input", "affine"), ("affine", "threshold"), ("threshold", "output")],
        ),
        "Affine into Threshold (V = u every step, spike when u > threshold)",
        steps=40,
    )

    # Input -> Delay -> Linear -> LIF -> Output.
    add(
        "delay_linear",
        graph(
            {
                "input": inp(3),
                "delay": nir.Delay(delay=np.array([2e-3, 0.0, 5e-3], dtype=np.float64)),
                "linear": nir.Linear(weight=np.array([[1.0, 0.5, 0.0], [0.0, 0.5, 1.0]], dtype=f32)),
                "lif": lif(2, 10e-3, 12.0),
                "output": out(2),
            },
            [("input", "delay"), ("delay", "linear"), ("linear", "lif"), ("lif", "output")],
        ),
        "Delay (2, 0, 5 steps per input) before a Linear into LIF",
        input_p=0.2,
    )

    # CNN: Input [1,4,4] -> Conv2d -> IF [2,4,4] -> SumPool2d -> IF [2,2,2] -> Flatten -> Affine -> LIF.
    add(
        "conv2d_pool",
        graph(
            {
                "input": inp(1, 4, 4),
                "conv": nir.Conv2d(
                    input_shape=(4, 4),
                    weight=dyadic(rng, (2, 1, 3, 3), -0.25, 0.75, 16),
                    stride=1,
                    padding=1,
                    dilation=1,
                    groups=1,
                    bias=np.array([0.0625, -0.0625], dtype=f32),
                ),
                "if1": nir.IF(r=full((2, 4, 4), 1000.0), v_threshold=full((2, 4, 4), 1.0), v_reset=full((2, 4, 4), 0.0)),
                "pool": nir.SumPool2d(kernel_size=np.array([2, 2]), stride=np.array([2, 2]), padding=np.array([0, 0])),
                "if2": nir.IF(r=full((2, 2, 2), 500.0), v_threshold=full((2, 2, 2), 1.0), v_reset=full((2, 2, 2), 0.0)),
                "flatten": nir.Flatten(input_type={"input": np.array([2, 2, 2])}, start_dim=0, end_dim=-1),
                "affine": nir.Affine(weight=dyadic(rng, (3, 8), -0.25, 1.0, 16), bias=full(3, 0.0)),
                "lif": lif(3, 10e-3, 10.0),
                "output": out(3),
            },
            [
                ("input", "conv"),
                ("conv", "if1"),
                ("if1", "pool"),
                ("pool", "if2"),
                ("if2", "flatten"),
                ("flatten", "affine"),
                ("affine", "lif"),
                ("lif", "output"),
            ],
        ),
        "Conv2d (3x3, padding 1, bias) into IF, SumPool2d 2x2 into IF, Flatten, Affine into LIF",
        steps=50,
        input_p=0.35,
    )

    # Conv1d with stride and dilation: Input [2,8] -> Conv1d -> LIF [4,3]. (No groups: NIR's
    # type inference takes weight.shape[1] for the input channels, so it refuses groups > 1.)
    add(
        "conv1d",
        graph(
            {
                "input": inp(2, 8),
                "conv": nir.Conv1d(
                    input_shape=8,
                    weight=dyadic(rng, (4, 2, 3), -0.25, 1.0, 16),
                    stride=2,
                    padding=1,
                    dilation=2,
                    groups=1,
                    bias=np.array([0.0, 0.125, 0.0, -0.125], dtype=f32),
                ),
                "lif": lif((4, 3), 5e-3, 6.0),
                "output": out(4, 3),
            },
            [("input", "conv"), ("conv", "lif"), ("lif", "output")],
        ),
        "Conv1d (k 3, stride 2, padding 1, dilation 2, bias) into LIF [4, 3]",
        steps=50,
    )

    # AvgPool2d: Input [2,4,4] -> AvgPool2d 2x2 -> LIF [2,2,2].
    add(
        "avgpool",
        graph(
            {
                "input": inp(2, 4, 4),
                "pool": nir.AvgPool2d(kernel_size=np.array([2, 2]), stride=np.array([2, 2]), padding=np.array([0, 0])),
                "lif": nir.LIF(
                    tau=full((2, 2, 2), 10e-3),
                    r=full((2, 2, 2), 10.0),
                    v_leak=full((2, 2, 2), 0.0),
                    v_threshold=full((2, 2, 2), 1.0),
                    v_reset=full((2, 2, 2), 0.0),
                ),
                "output": out(2, 2, 2),
            },
            [("input", "pool"), ("pool", "lif"), ("lif", "output")],
        ),
        "AvgPool2d 2x2 stride 2 (weight 1/4) into LIF [2, 2, 2]",
        steps=40,
        input_p=0.4,
    )

    # Nested graph: Input -> Linear -> [sub: Input -> LIF -> Output] -> Linear -> CubaLIF.
    sub = graph({"input": inp(4), "lif": lif(4, 10e-3, 10.0), "output": out(4)}, [("input", "lif"), ("lif", "output")])
    add(
        "nested",
        graph(
            {
                "input": inp(3),
                "linear1": nir.Linear(weight=dyadic(rng, (4, 3), 0.0, 1.0, 16)),
                "block": sub,
                "linear2": nir.Linear(weight=dyadic(rng, (2, 4), -0.25, 1.0, 16)),
                "cuba": nir.CubaLIF(
                    tau_mem=full(2, 10e-3),
                    tau_syn=full(2, 5e-3),
                    r=full(2, 8.0),
                    v_leak=full(2, 0.0),
                    v_threshold=full(2, 1.0),
                    v_reset=full(2, 0.0),
                    w_in=full(2, 1.0),
                ),
                "output": out(2),
            },
            [("input", "linear1"), ("linear1", "block"), ("block", "linear2"), ("linear2", "cuba"), ("cuba", "output")],
            metadata={"description": "a nested NIRGraph", "source": "spikelab make_fixtures.py"},
        ),
        "A nested NIRGraph (its Input and Output pass through) between two Linear layers",
        input_p=0.4,
    )

    # Euler: two layers, Input -> Linear -> CubaLIF -> Linear -> LIF (the second layer a step later).
    add(
        "euler_two_layers",
        graph(
            {
                "input": inp(4),
                "linear1": nir.Linear(weight=dyadic(rng, (3, 4), 0.0, 1.0, 16)),
                "cuba": nir.CubaLIF(
                    tau_mem=full(3, 8e-3),
                    tau_syn=full(3, 4e-3),
                    r=full(3, 1.0),
                    v_leak=full(3, 0.0),
                    v_threshold=full(3, 0.25),
                    v_reset=full(3, 0.0),
                    w_in=full(3, 1.0),
                ),
                "linear2": nir.Linear(weight=dyadic(rng, (2, 3), 0.25, 1.0, 16)),
                "lif": lif(2, 10e-3, 1.0, v_threshold=0.125),
                "output": out(2),
            },
            [("input", "linear1"), ("linear1", "cuba"), ("cuba", "linear2"), ("linear2", "lif"), ("lif", "output")],
        ),
        "Euler discretisation, two layers: CubaLIF then LIF (each layer one step later)",
        discretisation="euler",
        input_p=0.4,
    )

    # Recurrence: Input -> Linear -> LIF, LIF -> Linear -> LIF (a cycle).
    add(
        "recurrent",
        graph(
            {
                "input": inp(2),
                "linear_in": nir.Linear(weight=np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]], dtype=f32)),
                "lif": lif(3, 20e-3, 12.0),
                "linear_rec": nir.Linear(weight=np.array([[0.0, 0.5, -0.5], [0.5, 0.0, -0.5], [0.25, 0.25, 0.0]], dtype=f32)),
                "output": out(3),
            },
            [("input", "linear_in"), ("linear_in", "lif"), ("lif", "linear_rec"), ("linear_rec", "lif"), ("lif", "output")],
        ),
        "A recurrent LIF layer (LIF -> Linear -> LIF, one step per turn)",
        input_p=0.3,
        last=30,
    )
    return fx
