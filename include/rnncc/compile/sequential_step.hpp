// One step of the sequential schedule as a sequential circuit: latches hold
// the state, so a model checker or simulator runs it for any number of steps.
#pragma once

#include "rnncc/compile/compiler.hpp"
#include "rnncc/logic/sequential_aig.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::compile {

/// The step h_t = f(h_{t-1}, x_t) and the readout of h_t, built by the same
/// word-level operations as the sequential schedule of
/// build_arithmetic_circuit (model::step, model::readout) and lowered with
/// `options.arithmetic` (the length, outputs and schedule of `options` are
/// not used). Its primary inputs are one step's input bits, named as step
/// t's without the step (`token[k]`, `x[i][bit]`); its latches the state's
/// bits (`state[i][bit]`, words in model order, least significant bit
/// first) with the initial state's bits in the model's format as initial
/// values; its primary outputs the readout after the step (`y[i][bit]` or
/// `accept[0]`). Run for T steps from the initial values, its outputs at
/// step T are those of compile()'s sequential circuit of length T, and at
/// every step t those of the circuit with all outputs. Throws InputError for
/// a format that is not finite (exact values widen with every step, so no
/// fixed set of latches holds the state).
logic::SequentialAig build_sequential_step(const model::Model& model,
                                           const CompileOptions& options);

}  // namespace rnncc::compile
