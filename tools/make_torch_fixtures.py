#!/usr/bin/python3
"""Writes the PyTorch reference fixtures of tests/fixtures/torch/.

Each fixture is a small nn.RNN / nn.GRU / nn.LSTM whose weights (drawn by
PyTorch's own initialisation from a fixed seed) and inputs are rounded to
multiples of 2^-8 in [-1, 1], so they are exact in fixed:W.8 formats and in
every float type written here (F64, F32, F16, BF16). The model is run in
float64 (model.double()) from a zero initial state on T = 6 steps, batch 1.

For fixture NAME it writes
  NAME.safetensors  the state_dict (weight_ih_l0, weight_hh_l0, bias_ih_l0,
                    bias_hh_l0, ... per layer), in the safetensors format,
                    written here with struct/json (no safetensors package);
  NAME.json         {"module", "nonlinearity", "input_size", "hidden_size",
                    "num_layers", "weights_dtype", "steps", "seed", "inputs"
                    [T][input_size], "outputs" [T][hidden_size] (h of the last
                    layer at every step), "cell" [T][hidden_size] (LSTM only:
                    c of the last layer at every step), "weights" {name:
                    {"shape", "values" (flat, row-major)}}}.
It prints every tensor's first and last element as k/256, for tests to quote.

Run with Debian's PyTorch:  apt-get install -y python3-torch
  /usr/bin/python3 tools/make_torch_fixtures.py [OUTPUT_DIRECTORY]
"""

import json
import os
import struct
import sys

import torch

STEPS = 6
INPUT_SIZE = 3
HIDDEN_SIZE = 4
SCALE = 256  # values are multiples of 1/SCALE

# name, module, nonlinearity, layers, dtype written to the file, seed (the relu
# seed is one where every unit is zero at some steps and positive at others)
FIXTURES = [
    ("rnn_tanh", "RNN", "tanh", 1, "F32", 101),
    ("rnn_relu", "RNN", "relu", 1, "F32", 129),
    ("gru", "GRU", None, 1, "F32", 103),
    ("lstm", "LSTM", None, 1, "F32", 104),
    ("lstm_two_layers", "LSTM", None, 2, "F32", 105),
    ("gru_f64", "GRU", None, 1, "F64", 106),
    ("rnn_tanh_f16", "RNN", "tanh", 1, "F16", 107),
    ("lstm_bf16", "LSTM", None, 1, "BF16", 108),
]


def quantise(tensor):
    """Nearest multiple of 1/SCALE, clamped to [-1, 1]."""
    return torch.clamp(torch.round(tensor * SCALE) / SCALE, -1.0, 1.0)


def element_bytes(value, dtype):
    """The little-endian bytes of one value in a safetensors dtype."""
    if dtype == "F64":
        return struct.pack("<d", value)
    if dtype == "F32":
        packed = struct.pack("<f", value)
        assert struct.unpack("<f", packed)[0] == value, value
        return packed
    if dtype == "F16":
        packed = struct.pack("<e", value)
        assert struct.unpack("<e", packed)[0] == value, value
        return packed
    if dtype == "BF16":
        # bfloat16 is the upper half of binary32; the lower half must be zero
        # for the value to be exact.
        bits = struct.unpack("<I", struct.pack("<f", value))[0]
        assert bits & 0xFFFF == 0, value
        return struct.pack("<H", bits >> 16)
    raise ValueError(dtype)


def safetensors_bytes(tensors, dtype):
    """The safetensors file of {name: float64 tensor}, every tensor in dtype."""
    header = {}
    data = bytearray()
    for name in sorted(tensors):
        values = tensors[name].reshape(-1).tolist()
        begin = len(data)
        for value in values:
            data += element_bytes(value, dtype)
        header[name] = {
            "dtype": dtype,
            "shape": list(tensors[name].shape),
            "data_offsets": [begin, len(data)],
        }
    header["__metadata__"] = {"format": "pt", "made_by": "tools/make_torch_fixtures.py"}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # pad so the data starts 8-byte aligned
    return struct.pack("<Q", len(text)) + text + bytes(data)


def make_module(kind, nonlinearity, layers):
    if kind == "RNN":
        return torch.nn.RNN(INPUT_SIZE, HIDDEN_SIZE, num_layers=layers, nonlinearity=nonlinearity)
    if kind == "GRU":
        return torch.nn.GRU(INPUT_SIZE, HIDDEN_SIZE, num_layers=layers)
    return torch.nn.LSTM(INPUT_SIZE, HIDDEN_SIZE, num_layers=layers)


def make_fixture(directory, name, kind, nonlinearity, layers, dtype, seed):
    torch.manual_seed(seed)
    module = make_module(kind, nonlinearity, layers).double()
    with torch.no_grad():
        for parameter in module.parameters():
            parameter.copy_(quantise(parameter))
    inputs = quantise(torch.rand(STEPS, 1, INPUT_SIZE, dtype=torch.float64) * 2 - 1)

    with torch.no_grad():
        outputs, _ = module(inputs)  # (T, 1, hidden): h of the last layer
        # Step by step, carrying the state, to read the LSTM cell at each step.
        state = None
        cells = []
        for step in range(STEPS):
            stepped, state = module(inputs[step : step + 1], state)
            assert torch.allclose(stepped[0], outputs[step], rtol=0, atol=1e-15)
            if kind == "LSTM":
                cells.append(state[1][-1, 0].tolist())

    weights = {key: value.detach().clone() for key, value in module.state_dict().items()}
    for value in weights.values():
        assert torch.all(value * SCALE == torch.round(value * SCALE))
        assert torch.all(value.abs() <= 1)

    description = {
        "module": kind,
        "nonlinearity": nonlinearity,
        "input_size": INPUT_SIZE,
        "hidden_size": HIDDEN_SIZE,
        "num_layers": layers,
        "weights_dtype": dtype,
        "steps": STEPS,
        "seed": seed,
        "inputs": inputs[:, 0].tolist(),
        "outputs": outputs[:, 0].tolist(),
    }
    if kind == "LSTM":
        description["cell"] = cells
    description["weights"] = {
        key: {"shape": list(value.shape), "values": value.reshape(-1).tolist()}
        for key, value in sorted(weights.items())
    }

    with open(os.path.join(directory, name + ".safetensors"), "wb") as file:
        file.write(safetensors_bytes(weights, dtype))
    with open(os.path.join(directory, name + ".json"), "w") as file:
        json.dump(description, file, indent=1)
        file.write("\n")

    print(f"{name}: {kind} {nonlinearity or ''} layers={layers} {dtype} seed={seed}")
    for key, value in sorted(weights.items()):
        flat = value.reshape(-1)
        first = int(flat[0] * SCALE)
        last = int(flat[-1] * SCALE)
        print(f"  {key} {list(value.shape)} first={first}/256 last={last}/256")
    print(f"  outputs[0][0]={outputs[0, 0, 0].item()!r} outputs[5][3]={outputs[5, 0, 3].item()!r}")


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "torch")
    os.makedirs(directory, exist_ok=True)
    print(f"torch {torch.__version__}")
    for fixture in FIXTURES:
        make_fixture(directory, *fixture)


if __name__ == "__main__":
    main()
