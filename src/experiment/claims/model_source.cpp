#include "model_source.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <functional>
#include <vector>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/io/model_file.hpp"

namespace rnncc::experiment::claims {

ModelSource ModelSource::read(const CaseTable& table) {
  ModelSource source;
  if (table.has("model") == table.has("construction"))
    table.fail_at(nullptr, "give exactly one of 'model' (a model file) and 'construction'");
  if (std::optional<std::string> format = table.text("format")) {
    try {
      source.format_ = arith::parse_format(*format);
    } catch (const InputError& error) {
      table.fail("format", error.what());
    }
  }
  if (table.has("model")) {
    if (table.has("parameters") || table.has("file"))
      table.fail_at(nullptr, "'parameters' and 'file' belong to a construction, not a model file");
    source.model_path_ = table.path("model");
    return source;
  }
  source.construction_ = table.required_text("construction");
  ConstructionRequest request;
  std::vector<std::string> shown;
  if (const toml::table* parameters = table.table("parameters")) {
    for (const auto& [key, value] : *parameters) {
      if (!value.is_string())
        table.fail_at(&value, fmt::format("parameter '{}' must be a string", key.str()));
      request.parameters[std::string(key.str())] = std::string(value.as_string()->get());
      shown.push_back(fmt::format("{}={}", key.str(), value.as_string()->get()));
    }
  }
  request.input_file = table.path("file");
  if (request.input_file) shown.push_back(request.input_file->filename().string());
  source.parameters_text_ = fmt::format("{}", fmt::join(shown, ", "));
  try {
    const std::unique_ptr<Construction> construction = make_construction(source.construction_);
    if (request.input_file && !construction->reads_file())
      table.fail("file", fmt::format("construction {} reads no file", source.construction_));
    source.built_text_ = construction->build(request);
  } catch (const InputError& error) {
    table.fail("construction", error.what());
  }
  return source;
}

std::string ModelSource::describe() const {
  std::string text = model_path_ ? model_path_->lexically_normal().string()
                                 : fmt::format("construction {}", construction_);
  if (!model_path_ && !parameters_text_.empty()) text += fmt::format(" ({})", parameters_text_);
  if (format_) text += fmt::format(" in {}", arith::to_string(*format_));
  return text;
}

std::filesystem::path ModelSource::file(const std::filesystem::path& scratch_directory) const {
  if (model_path_) return *model_path_;
  const std::filesystem::path path =
      scratch_directory /
      fmt::format("{}-{:016x}.toml", construction_, std::hash<std::string>{}(built_text_));
  write_file_atomically(path, built_text_);
  return path;
}

model::Model ModelSource::load(const std::filesystem::path& scratch_directory) const {
  return io::read_model_file(file(scratch_directory), format_);
}

}  // namespace rnncc::experiment::claims
