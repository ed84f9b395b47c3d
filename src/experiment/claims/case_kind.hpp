// The registry of claim case kinds. A kind reads its keys from a case's
// table (checking them at once, with the file and line of a bad value) and
// returns a prepared case that measures and judges when run. Adding a kind
// is one new file defining its CaseKind and one line in case_kinds.cpp.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rnncc/arith/circuit_lowering.hpp"
#include "rnncc/experiment/claims.hpp"
#include "rnncc/report/claim_report.hpp"

namespace rnncc::experiment {

/// A prepared case: everything read and checked, nothing measured yet.
class PreparedCase {
 public:
  virtual ~PreparedCase() = default;
  /// Measures and judges. The result's name, kind, should_hold and seconds
  /// are filled in by the caller; the case fills in the rest.
  virtual report::CaseResult run(const ProveOptions& options,
                                 const std::filesystem::path& scratch_directory) const = 0;
};

namespace claims {

/// One table of a claim file, with typed accessors whose errors name the
/// file and the line of the offending value (or of the table).
class CaseTable {
 public:
  CaseTable(const toml::table& table, std::filesystem::path file, std::string where);

  const std::filesystem::path& file() const { return file_; }
  /// "case 2" or "the claim": where in the file, for messages.
  const std::string& where() const { return where_; }
  bool has(std::string_view key) const { return table_.get(key) != nullptr; }

  /// A string; empty when absent and not required.
  std::optional<std::string> text(std::string_view key) const;
  std::string required_text(std::string_view key) const;
  /// An integer in [minimum, maximum].
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t minimum,
                                      std::int64_t maximum) const;
  /// A number (integer or float).
  std::optional<double> number(std::string_view key) const;
  std::optional<bool> boolean(std::string_view key) const;
  /// An array of integers in [minimum, maximum].
  std::optional<std::vector<std::int64_t>> integers(std::string_view key, std::int64_t minimum,
                                                    std::int64_t maximum) const;
  /// Sequence lengths or task sizes: an array of increasing integers in
  /// [1, maximum], or a string as `rnncc growth --lengths` reads it ("16..256").
  std::optional<std::vector<std::uint64_t>> lengths(std::string_view key,
                                                    std::uint64_t maximum) const;
  /// An array of strings.
  std::optional<std::vector<std::string>> texts(std::string_view key) const;
  /// A sub-table.
  const toml::table* table(std::string_view key) const;
  const toml::array* array(std::string_view key) const;
  /// A path relative to the claim file's directory.
  std::optional<std::filesystem::path> path(std::string_view key) const;

  /// Throws InputError on a key not in `allowed`.
  void check_keys(std::span<const std::string_view> allowed) const;
  /// Throws InputError "FILE:LINE: message", the line of `key` (or of the table).
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  [[noreturn]] void fail_at(const toml::node* node, const std::string& message) const;

 private:
  const toml::table& table_;
  std::filesystem::path file_;
  std::string where_;
};

/// The case's `lowering` key: how `exact` numbers are carried in its
/// circuits ("binary" or "rns"); binary when absent. Fails naming the key
/// on any other text.
arith::ExactLowering exact_lowering(const CaseTable& table);

/// One kind of case.
struct CaseKind {
  std::string_view name;
  std::string_view summary;  ///< one line: what it checks
  /// Its keys beyond the common ones (kind, name, expected_verdict).
  std::span<const std::string_view> keys;
  /// Reads and checks the case (keys already checked against `keys`).
  std::unique_ptr<PreparedCase> (*prepare)(const CaseTable& table);
};

/// The kinds, in the order docs and messages list them.
std::span<const CaseKind* const> case_kinds();

/// The kind called `name`, or nullptr.
const CaseKind* find_case_kind(std::string_view name);

}  // namespace claims
}  // namespace rnncc::experiment
