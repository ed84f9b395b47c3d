// Graphviz DOT drawings of small Boolean circuits.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "rnncc/logic/aig.hpp"

namespace rnncc::io {

struct DotOptions {
  /// One rank per AND level (inputs on top at level 0, outputs at the
  /// bottom); otherwise only inputs on top and outputs at the bottom.
  bool level_ranks = false;
  /// Most nodes a drawing may hold (inputs, live ANDs, outputs and the
  /// constant when used); Graphviz takes minutes on much more.
  std::uint64_t max_nodes = 5000;
};

/// The number of nodes write_dot draws for `aig`: every input, every AND
/// some output depends on, every output and the constant when an output or
/// such an AND uses it.
std::uint64_t dot_node_count(const logic::Aig& aig);

/// A DOT digraph of `aig`: inputs (boxes, labelled with their names or
/// `i<k>`) on the top rank, each AND some output depends on as a circle,
/// outputs (inverted triangles labelled with their names or `o<k>`) on the
/// bottom rank; one edge per AND fan-in and per output, dashed with an open
/// dot at the head when inverted. Throws LimitError naming `destination`
/// and the node count when it exceeds `options.max_nodes`.
std::string write_dot(const logic::Aig& aig, const DotOptions& options,
                      std::string_view destination);

/// Writes write_dot's text with `options` to `path` atomically.
void write_dot_file(const logic::Aig& aig, const std::filesystem::path& path,
                    const DotOptions& options);

/// The same with the default options (for the file-type table).
void write_dot_file(const logic::Aig& aig, const std::filesystem::path& path);

}  // namespace rnncc::io
