#include "rnncc/io/model_writer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <stdexcept>

namespace rnncc::io {

namespace {

std::string number_text(const mpq_class& value) {
  if (value.get_den() == 1 && value.get_num().fits_slong_p()) {
    return std::to_string(value.get_num().get_si());
  }
  return toml_string(value.get_str());
}

/// The elements [begin, begin + count) of `values` shaped by shape[axis..].
std::string nested(const TensorText& tensor, std::size_t axis, std::size_t begin) {
  if (axis == tensor.shape.size()) return number_text(tensor.values.at(begin));
  std::size_t stride = 1;
  for (std::size_t later = axis + 1; later < tensor.shape.size(); ++later)
    stride *= tensor.shape[later];
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < tensor.shape[axis]; ++i)
    parts.push_back(nested(tensor, axis + 1, begin + i * stride));
  return fmt::format("[{}]", fmt::join(parts, ", "));
}

}  // namespace

std::string toml_string(std::string_view value) {
  std::string text = "\"";
  for (unsigned char c : value) {
    if (c == '"' || c == '\\') {
      text += '\\';
      text += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      text += fmt::format("\\u{:04x}", c);
    } else {
      text += static_cast<char>(c);
    }
  }
  return text + "\"";
}

void ModelFileWriter::comment(std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    text_ += line.empty() ? "#\n" : fmt::format("# {}\n", line);
    start = end + 1;
  }
}

void ModelFileWriter::blank_line() {
  text_ += '\n';
}

void ModelFileWriter::text(std::string_view key, std::string_view value) {
  text_ += fmt::format("{} = {}\n", key, toml_string(value));
}

void ModelFileWriter::integer(std::string_view key, long value) {
  text_ += fmt::format("{} = {}\n", key, value);
}

void ModelFileWriter::texts(std::string_view key, const std::vector<std::string>& values) {
  std::vector<std::string> quoted;
  for (const std::string& value : values)
    quoted.push_back(toml_string(value));
  text_ += fmt::format("{} = [{}]\n", key, fmt::join(quoted, ", "));
}

void ModelFileWriter::integers(std::string_view key, const std::vector<long>& values) {
  text_ += fmt::format("{} = [{}]\n", key, fmt::join(values, ", "));
}

void ModelFileWriter::table(std::string_view name) {
  text_ += fmt::format("\n[{}]\n", name);
}

void ModelFileWriter::array_table(std::string_view name) {
  text_ += fmt::format("\n[[{}]]\n", name);
}

void ModelFileWriter::tensor(std::string_view name, const TensorText& tensor) {
  std::size_t count = 1;
  for (std::size_t extent : tensor.shape)
    count *= extent;
  if (count != tensor.values.size()) {
    throw std::logic_error(fmt::format("tensor {} of shape [{}] given {} values", name,
                                       fmt::join(tensor.shape, ", "), tensor.values.size()));
  }
  text_ += fmt::format("{} = {}\n", name, nested(tensor, 0, 0));
}

}  // namespace rnncc::io
