// Writing model files (the TOML of docs/model-spec.md) from code: what
// `rnncc construct` produces. The reader (model_file.hpp) reads them back.
#pragma once

#include <gmpxx.h>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc::io {

/// A tensor to write: its shape and its elements in row-major order.
struct TensorText {
  std::vector<std::size_t> shape;
  std::vector<mpq_class> values;
};

/// A model file being written, line by line in the order of the calls.
class ModelFileWriter {
 public:
  /// `# text`, one comment line per line of `text`.
  void comment(std::string_view text);
  void blank_line();
  /// key = "value" (escaped as a TOML basic string).
  void text(std::string_view key, std::string_view value);
  /// key = value.
  void integer(std::string_view key, long value);
  /// key = ["a", "b", ...].
  void texts(std::string_view key, const std::vector<std::string>& values);
  /// key = [1, 2, ...].
  void integers(std::string_view key, const std::vector<long>& values);
  /// [name] or [[name]].
  void table(std::string_view name);
  void array_table(std::string_view name);
  /// name = the tensor as nested arrays: integers as they are (strings
  /// beyond 64 bits), other rationals as strings "p/q". A scalar (empty
  /// shape) is written as a number.
  void tensor(std::string_view name, const TensorText& tensor);

  const std::string& contents() const { return text_; }

 private:
  std::string text_;
};

/// A TOML basic string: "value" with quotes, backslashes and control
/// characters escaped.
std::string toml_string(std::string_view value);

}  // namespace rnncc::io
