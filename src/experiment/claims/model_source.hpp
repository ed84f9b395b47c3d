// Where a case's model comes from: a model file, or a construction built on
// the spot (its parameters and input file given in the case).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "case_kind.hpp"
#include "rnncc/arith/format.hpp"
#include "rnncc/experiment/construction.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::experiment::claims {

/// The keys a model source reads.
inline constexpr std::string_view model_source_keys[] = {"model", "construction", "parameters",
                                                         "file", "format"};

/// A model file or a construction, with an optional format override.
class ModelSource {
 public:
  /// Reads `model` (a path relative to the claim file) or `construction`
  /// (with `parameters`, a table of strings, and `file`, its input file),
  /// and `format`. The construction is built at once, so a bad parameter is
  /// reported with the claim file's line.
  static ModelSource read(const CaseTable& table);

  /// "circuits/models/pd.toml" or "construction s5 (family=pd)", with the
  /// format when overridden.
  std::string describe() const;
  /// The model's file: the given one, or the construction's text written
  /// under `scratch_directory`.
  std::filesystem::path file(const std::filesystem::path& scratch_directory) const;
  /// The model, read from file() with the format override.
  model::Model load(const std::filesystem::path& scratch_directory) const;
  const std::optional<arith::Format>& format() const { return format_; }

 private:
  std::optional<std::filesystem::path> model_path_;
  std::string construction_;
  std::string parameters_text_;
  std::string built_text_;
  std::optional<arith::Format> format_;
};

}  // namespace rnncc::experiment::claims
