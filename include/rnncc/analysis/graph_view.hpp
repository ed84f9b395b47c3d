// A Boost.Graph view of an Aig, so that Boost's graph algorithms serve it.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include "rnncc/logic/aig.hpp"

namespace rnncc::analysis {

/// Directed graph in compressed sparse row form: vertex v is Aig node v,
/// one edge from each fan-in node to its AND node (two per AND, or one
/// when both fan-ins share a node), plus vertex node_count() as a source
/// with an edge to the constant and to every input.
using AigGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

/// The CSR view of `aig` (memory: about 8 bytes per edge plus 4 per vertex).
AigGraph make_graph(const logic::Aig& aig);

/// The vertex with an edge to the constant and every input.
inline std::uint32_t source_vertex(const logic::Aig& aig) {
  return aig.node_count();
}

}  // namespace rnncc::analysis
