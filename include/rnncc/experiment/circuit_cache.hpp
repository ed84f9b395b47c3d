// Compiled model circuits kept on disk between runs, so that scoring the
// same model at the same length again reads a file instead of lowering.
#pragma once

#include <filesystem>
#include <optional>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/compile/compiler.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::experiment {

/// A compiled circuit with its input and output words.
struct CachedCircuit {
  arith::LoweredCircuit lowered;
  bool from_cache = false;
  double compile_seconds = 0;  ///< building (or reading) it
};

/// compile(model, options), kept in `directory` when one is given: the file
/// `KEY.aig` (binary AIGER with the circuit's description in its comments),
/// KEY a 128-bit hash of the arithmetic circuit's text, the lowering's
/// architectures, the model's name and alphabet, and rnncc's version. A
/// later call whose arithmetic circuit and options are the same reads the
/// file; a file that cannot be read or does not describe this model is
/// compiled again and replaced. The table schedule is compiled every time.
/// Throws what compile() throws; a directory that cannot be created or
/// written throws InputError naming it.
CachedCircuit compile_with_cache(const model::Model& model, const compile::CompileOptions& options,
                                 const std::optional<std::filesystem::path>& directory);

/// The default cache directory: $XDG_CACHE_HOME/rnncc, else
/// $HOME/.cache/rnncc; std::nullopt when neither variable is set.
std::optional<std::filesystem::path> default_cache_directory();

}  // namespace rnncc::experiment
