// The command-line flags that say which model to compile and how, shared by
// `rnncc compile` and `rnncc verify`.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <optional>
#include <string>

#include "rnncc/compile/compiler.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::cli {

/// MODEL --length T [--format F] [--schedule S] [--prefix P] [--adder A]
/// [--multiplier M] [--outputs last|all] [--reassociate] [--lowering
/// binary|rns] [--no-narrowing], as given.
struct ModelFlags {
  std::string model_path;
  std::size_t length = 0;
  std::optional<std::string> format;
  std::string schedule = "sequential";
  std::string prefix = "sklansky";
  std::string adder = "kogge-stone";
  std::string multiplier = "wallace";
  std::string outputs = "last";
  bool reassociate = false;
  std::string lowering = "binary";
  bool no_narrowing = false;
};

/// Adds the flags to `command`; `default_outputs` is "last" or "all".
/// Without `with_length`, --length and --outputs are left out (the command
/// chooses them).
void add_model_flags(CLI::App* command, ModelFlags& flags, const std::string& default_outputs,
                     bool with_length = true);

/// The model file read with the --format override (InputError on bad input).
model::Model read_model(const ModelFlags& flags);

/// The compile options the flags ask for (InputError for unknown spellings).
compile::CompileOptions compile_options(const ModelFlags& flags);

}  // namespace rnncc::cli
