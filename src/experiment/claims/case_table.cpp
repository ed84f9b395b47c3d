#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "case_kind.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/experiment/lengths.hpp"

namespace rnncc::experiment::claims {

CaseTable::CaseTable(const toml::table& table, std::filesystem::path file, std::string where)
    : table_(table), file_(std::move(file)), where_(std::move(where)) {}

void CaseTable::fail_at(const toml::node* node, const std::string& message) const {
  const toml::node* located = node != nullptr ? node : &table_;
  if (located->source().begin.line > 0) {
    throw InputError(fmt::format("{}:{}: {}: {}", file_.string(), located->source().begin.line,
                                 where_, message));
  }
  throw InputError(fmt::format("{}: {}: {}", file_.string(), where_, message));
}

void CaseTable::fail(std::string_view key, const std::string& message) const {
  fail_at(table_.get(key), message);
}

void CaseTable::check_keys(std::span<const std::string_view> allowed) const {
  for (const auto& [key, node] : table_) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      fail_at(&node, fmt::format("unknown key '{}' (expected one of: {})", key.str(),
                                 fmt::join(allowed, ", ")));
    }
  }
}

std::optional<std::string> CaseTable::text(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string()) fail_at(node, fmt::format("'{}' must be a string", key));
  return std::string(node->as_string()->get());
}

std::string CaseTable::required_text(std::string_view key) const {
  std::optional<std::string> value = text(key);
  if (!value) fail_at(nullptr, fmt::format("missing key '{}' (a string)", key));
  return *value;
}

std::optional<std::int64_t> CaseTable::integer(std::string_view key, std::int64_t minimum,
                                               std::int64_t maximum) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer() || node->as_integer()->get() < minimum ||
      node->as_integer()->get() > maximum) {
    fail_at(node, fmt::format("'{}' must be an integer in [{}, {}]", key, minimum, maximum));
  }
  return node->as_integer()->get();
}

std::optional<double> CaseTable::number(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (node->is_integer()) return static_cast<double>(node->as_integer()->get());
  if (node->is_floating_point()) return node->as_floating_point()->get();
  fail_at(node, fmt::format("'{}' must be a number", key));
}

std::optional<bool> CaseTable::boolean(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_boolean()) fail_at(node, fmt::format("'{}' must be true or false", key));
  return node->as_boolean()->get();
}

std::optional<std::vector<std::int64_t>> CaseTable::integers(std::string_view key,
                                                             std::int64_t minimum,
                                                             std::int64_t maximum) const {
  const toml::array* values = array(key);
  if (values == nullptr) return std::nullopt;
  std::vector<std::int64_t> result;
  for (const toml::node& element : *values) {
    if (!element.is_integer() || element.as_integer()->get() < minimum ||
        element.as_integer()->get() > maximum) {
      fail_at(&element, fmt::format("the elements of '{}' must be integers in [{}, {}]", key,
                                    minimum, maximum));
    }
    result.push_back(element.as_integer()->get());
  }
  return result;
}

std::optional<std::vector<std::uint64_t>> CaseTable::lengths(std::string_view key,
                                                             std::uint64_t maximum) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return std::nullopt;
  std::vector<std::uint64_t> result;
  if (node->is_string()) {
    try {
      result = parse_lengths(node->as_string()->get(), maximum);
    } catch (const InputError& error) {
      fail_at(node, fmt::format("'{}': {}", key, error.what()));
    }
  } else {
    if (!node->is_array())
      fail_at(node, fmt::format("'{}' must be a list of lengths or a string \"A..B\"", key));
    const std::vector<std::int64_t> values =
        *integers(key, 1, static_cast<std::int64_t>(std::min<std::uint64_t>(maximum, 1ull << 62)));
    for (std::int64_t value : values)
      result.push_back(static_cast<std::uint64_t>(value));
  }
  if (result.empty() || !std::is_sorted(result.begin(), result.end()) ||
      std::adjacent_find(result.begin(), result.end()) != result.end()) {
    fail_at(node, fmt::format("'{}' must list increasing lengths (at least one)", key));
  }
  return result;
}

std::optional<std::vector<std::string>> CaseTable::texts(std::string_view key) const {
  const toml::array* values = array(key);
  if (values == nullptr) return std::nullopt;
  std::vector<std::string> result;
  for (const toml::node& element : *values) {
    if (!element.is_string())
      fail_at(&element, fmt::format("the elements of '{}' must be strings", key));
    result.emplace_back(element.as_string()->get());
  }
  return result;
}

const toml::table* CaseTable::table(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) fail_at(node, fmt::format("'{}' must be a table", key));
  return node->as_table();
}

const toml::array* CaseTable::array(std::string_view key) const {
  const toml::node* node = table_.get(key);
  if (node == nullptr) return nullptr;
  if (!node->is_array()) fail_at(node, fmt::format("'{}' must be an array", key));
  return node->as_array();
}

std::optional<std::filesystem::path> CaseTable::path(std::string_view key) const {
  std::optional<std::string> value = text(key);
  if (!value) return std::nullopt;
  std::filesystem::path resolved = file_.parent_path() / *value;
  std::error_code error;
  if (!std::filesystem::is_regular_file(resolved, error)) {
    fail(key, fmt::format("'{}' names no file ({}, relative to the claim file)", key,
                          resolved.string()));
  }
  return resolved;
}

arith::ExactLowering exact_lowering(const CaseTable& table) {
  const std::optional<std::string> text = table.text("lowering");
  if (!text) return arith::ExactLowering::binary;
  try {
    return arith::parse_exact_lowering(*text);
  } catch (const InputError& error) {
    table.fail("lowering", error.what());
  }
}

}  // namespace rnncc::experiment::claims
