// Graphviz DOT export of small circuits.
#pragma once

#include <cstdint>
#include <ostream>

#include "rnncc/logic/aig.hpp"

namespace rnncc::analysis {

/// Largest circuit (in nodes) that write_dot accepts: a drawing of more is unreadable.
inline constexpr std::uint32_t max_dot_nodes = 20'000;

/// Writes `aig` as a DOT digraph through Boost's write_graphviz: inputs as
/// boxes labelled with their names, ANDs as circles labelled with their
/// level, complemented edges dashed, outputs as triangles. Throws
/// LimitError when the circuit has more than max_dot_nodes nodes.
void write_dot(const logic::Aig& aig, std::ostream& out);

}  // namespace rnncc::analysis
