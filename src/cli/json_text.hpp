// JSON as the commands print it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace rnncc::cli {

/// `json` indented by `indent` (-1: one line). Bytes of names that are not
/// UTF-8 (file, symbol and output names come from the user) become U+FFFD
/// instead of stopping the output.
inline std::string json_text(const nlohmann::ordered_json& json, int indent = 2) {
  return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace rnncc::cli
