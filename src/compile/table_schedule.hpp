// The table schedule: each step as a transition table over every state
// code, tables composed by pointer jumping (docs/design.md, "Schedules").
#pragma once

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::compile {

/// Largest state, in bits, the table schedule accepts.
inline constexpr std::size_t max_table_state_bits = 16;

/// Throws InputError for exact formats and LimitError when the state takes
/// more than max_table_state_bits bits, naming the table size it would need.
void check_table_schedule(const model::Model& model);

/// The AIG of the table schedule: for each step a table of the next state
/// code for every state code (a function of that step's input bits), the
/// tables composed by a balanced tree (last output) or options.prefix's
/// network (all outputs), each composition a multiplexer tree per entry,
/// then the readout of the composed table's entry at the initial state.
/// Inputs and outputs have the names and order of the other schedules.
arith::LoweredCircuit build_table_schedule(const model::Model& model,
                                           const CompileOptions& options);

}  // namespace rnncc::compile
