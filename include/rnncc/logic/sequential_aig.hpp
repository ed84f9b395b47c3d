// A sequential circuit as AIGER 1.9 holds one: a combinational AIG plus
// latches, each with its initial value.
#pragma once

#include <cstdint>
#include <vector>

#include "rnncc/logic/aig.hpp"

namespace rnncc::logic {

/// A latch's value before the first step; `undefined` is AIGER's
/// uninitialised latch (any value).
enum class LatchInitial : std::uint8_t { zero, one, undefined };

/// A circuit with latches. `aig` is its combinational part: its inputs are
/// the primary inputs followed by each latch's current value (latch k is
/// input primary_input_count() + k, and that input's name is the latch's
/// name); its outputs are the primary outputs followed by each latch's next
/// value (latch k is output primary_output_count() + k; those outputs'
/// names are not part of the circuit). One step computes every output from
/// the inputs and the latches, then every latch takes its next value.
/// Without latches it is the combinational circuit `aig`.
struct SequentialAig {
  Aig aig;
  std::vector<LatchInitial> latch_initial;  ///< one per latch, in latch order

  std::uint32_t latch_count() const { return static_cast<std::uint32_t>(latch_initial.size()); }
  std::uint32_t primary_input_count() const { return aig.input_count() - latch_count(); }
  std::uint32_t primary_output_count() const { return aig.output_count() - latch_count(); }
};

}  // namespace rnncc::logic
