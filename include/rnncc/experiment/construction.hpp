// The paper's constructions: models built from a lemma's recipe (an
// automaton, a counter machine, a stack machine ...) and written as an
// ordinary model file, so that score, compile and growth apply to them.
// docs/constructions.md describes each one and the lemma it follows.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc::experiment {

/// One parameter of a construction, for help and messages.
struct ConstructionParameter {
  std::string name;
  std::string default_value;
  std::string meaning;
};

/// What to build: parameters as name=value text, and the input file of
/// the constructions that read one (an automaton, a machine).
struct ConstructionRequest {
  std::map<std::string, std::string> parameters;
  std::optional<std::filesystem::path> input_file;
};

/// One construction.
class Construction {
 public:
  virtual ~Construction() = default;
  virtual std::string name() const = 0;
  /// One line: what it builds and which result of the paper it follows.
  virtual std::string summary() const = 0;
  virtual std::vector<ConstructionParameter> parameters() const { return {}; }
  /// True when it reads an input file (FILE on the command line).
  virtual bool reads_file() const { return false; }
  /// The model file's text. Throws InputError for an unknown parameter, a
  /// bad value, or a malformed input file (one line naming the file and
  /// line).
  virtual std::string build(const ConstructionRequest& request) const = 0;
};

/// The construction called `name`; InputError naming the known ones.
std::unique_ptr<Construction> make_construction(std::string_view name);

/// One line per construction: its name and summary.
std::vector<std::string> construction_descriptions();

/// The value of parameter `name` in `request` (or the construction's
/// default), after checking that every given parameter is one of
/// `construction.parameters()`.
std::string parameter_value(const Construction& construction, const ConstructionRequest& request,
                            std::string_view name);

}  // namespace rnncc::experiment
