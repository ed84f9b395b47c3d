// libFuzzer harness: model files (TOML) through read_model_file, alone or
// with a safetensors file they reference. The input is the TOML text,
// optionally followed by a line `#safetensors` and the bytes of
// `weights.safetensors`, which a `[safetensors] file = "weights.safetensors"`
// table in the TOML can read. Both are written to this process's scratch
// directory. A refusal must be one InputError line naming one of the two
// files (or the file the TOML references by an absolute path).
//
// Model files may legitimately ask for up to 2^26 weights (drawn from a
// [random] table) in a few bytes; so that a run cannot allocate gigabytes
// on purpose, inputs whose sizes (state, key, value, width, hidden,
// dimension, layers, ...) exceed a small bound are skipped. Only integers
// under [weights], [random], and the input range and denominator may be
// large.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "rnncc/common/error.hpp"
#include "rnncc/io/model_file.hpp"
#include "support/harness.hpp"
#include "support/scratch_directory.hpp"

namespace {

constexpr std::string_view safetensors_marker = "\n#safetensors\n";
constexpr std::int64_t largest_size = 32;

/// Whether some integer of `node` (reached by `key`) is a size beyond
/// largest_size, outside the tables whose integers are values.
bool asks_for_large_sizes(const toml::node& node, std::string_view key) {
  if (key == "weights" || key == "random" || key == "range" || key == "denominator") return false;
  if (const toml::table* table = node.as_table()) {
    for (const auto& [name, value] : *table) {
      if (asks_for_large_sizes(value, name.str())) return true;
    }
    return false;
  }
  if (const toml::array* array = node.as_array()) {
    for (const toml::node& element : *array) {
      if (asks_for_large_sizes(element, key)) return true;
    }
    return false;
  }
  if (const auto* integer = node.as_integer()) return integer->get() > largest_size;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rnncc;
  if (size > fuzz::max_input_bytes) return 0;
  std::string_view toml_text = fuzz::text_of(data, size);
  std::string_view weights;
  const bool has_weights = toml_text.find(safetensors_marker) != std::string_view::npos;
  if (has_weights) {
    const std::size_t marker = toml_text.find(safetensors_marker);
    weights = toml_text.substr(marker + safetensors_marker.size());
    toml_text = toml_text.substr(0, marker + 1);
  }
  // A refusal names the model file, or the safetensors file it references
  // (which may be anywhere).
  std::string referenced_file;
  try {
    const toml::table document = toml::parse(toml_text);
    if (asks_for_large_sizes(document, "")) return 0;
    if (std::optional<std::string> file = document["safetensors"]["file"].value<std::string>()) {
      referenced_file = *file;
    }
  } catch (const toml::parse_error&) {
    // The reader must refuse it too: go on.
  }
  const std::filesystem::path model_path = fuzz::write_scratch_file("model.toml", toml_text);
  if (has_weights) {
    fuzz::write_scratch_file("weights.safetensors", weights);
  } else {
    fuzz::remove_scratch_file("weights.safetensors");
  }
  try {
    (void)io::read_model_file(model_path);
  } catch (const InputError& error) {
    const std::string_view message = error.what();
    const bool names_reference = !referenced_file.empty() && referenced_file.front() == '/' &&
                                 message.substr(0, referenced_file.size()) == referenced_file;
    fuzz::check_refusal_message(
        message, names_reference ? referenced_file : fuzz::scratch_directory().string());
  }
  return 0;
}
