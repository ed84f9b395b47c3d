// Short materialised prefixes of a schedule ("windows") with the bits of
// every intermediate state or scan node exposed, from which the analytic
// depth (model_depth.hpp) reads the (max, +) matrix of one step or one
// combine exactly as the full circuit builds it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/logic/aig.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::compile {

/// The sequential schedule unrolled over `steps` steps, built by the same
/// word-level operations as build_arithmetic_circuit (so every node has the
/// level it has in compile()'s circuit for any T), with the readout after
/// every step and the state after every step exposed.
struct SequentialWindow {
  arith::LoweredCircuit lowered;
  /// state[k]: the state's bits after step k (k = 0 .. steps; state[0] is
  /// the initial state, all constants), words in model order, least
  /// significant bit first.
  std::vector<std::vector<logic::Literal>> state;
  /// inputs[k]: step k's input bits (inputs[0] is empty).
  std::vector<std::vector<logic::Literal>> inputs;
  /// outputs[k]: the readout's bits after step k (outputs[0] is empty); the
  /// largest level among them is compile()'s depth at T = k.
  std::vector<std::vector<logic::Literal>> outputs;
};

/// The window of `steps` >= 1 steps of `model` (finite formats; the
/// arithmetic architecture of `options` is used, its length ignored).
SequentialWindow build_sequential_window(const model::Model& model, const CompileOptions& options,
                                         std::size_t steps);

/// A scan (outputs last) over 2^levels steps, built as build_arithmetic_circuit
/// builds it (all affine maps, then word::balanced_reduce), exposing for
/// every tree level the first two nodes of that level and the readout of a
/// scan over 2^l steps.
struct ScanWindow {
  arith::LoweredCircuit lowered;
  /// first[l]: the bits of the map composed from steps 1 .. 2^l (l = 0 ..
  /// levels): its words (diagonal, one-hot flags, left, right, matrix,
  /// offset, as present) flattened.
  std::vector<std::vector<logic::Literal>> first;
  /// second[l]: the bits of the map of steps 2^l + 1 .. 2^(l+1) (l = 0 ..
  /// levels − 1); first[l + 1] = compose(second[l], first[l]).
  std::vector<std::vector<logic::Literal>> second;
  /// outputs[l]: the readout bits of a scan over 2^l steps; the largest
  /// level among them is compile()'s depth at T = 2^l.
  std::vector<std::vector<logic::Literal>> outputs;
};

/// The window of a scan over 2^levels steps of a linear `model` (finite
/// formats; the arithmetic architecture of `options` is used).
ScanWindow build_scan_window(const model::Model& model, const CompileOptions& options,
                             std::size_t levels);

}  // namespace rnncc::compile
