#include "rnncc/io/instance_file.hpp"

#include <fmt/format.h>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "rnncc/common/atomic_file.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/file_text.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/number_text.hpp"

namespace rnncc::io {

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

/// Reads one instance line.
class InstanceLine {
 public:
  InstanceLine(std::string_view source, std::size_t line) : source_(source), line_(line) {}

  Instance read(std::string_view text) const {
    Json object;
    try {
      object = Json::parse(text);
    } catch (const Json::parse_error& error) {
      fail(fmt::format("not a JSON object (at byte {} of the line)", error.byte));
    } catch (const Json::exception& error) {
      // A number too large for a double (out_of_range 406) has no position.
      std::string reason = error.what();
      if (std::size_t bracket = reason.find("] "); bracket != std::string::npos) {
        reason.erase(0, bracket + 2);  // drop "[json.exception.out_of_range.406]"
      }
      fail(fmt::format("a JSON object whose numbers fit a double ({})", printable(reason)));
    }
    if (!object.is_object()) fail("expected a JSON object {\"tokens\" or \"vectors\", \"label\"}");
    for (const auto& [key, value] : object.items()) {
      if (key != "tokens" && key != "vectors" && key != "label" && key != "meta") {
        fail(fmt::format("unknown key '{}' (expected tokens or vectors, label, meta)",
                         printable(key)));
      }
    }
    Instance instance;
    instance.line = line_;
    const bool has_tokens = object.contains("tokens");
    if (has_tokens == object.contains("vectors")) {
      fail("expected exactly one of \"tokens\" and \"vectors\"");
    }
    if (has_tokens) {
      read_tokens(object["tokens"], instance);
    } else {
      read_vectors(object["vectors"], instance);
    }
    if (instance.length() == 0) fail("an instance needs at least one step");
    if (!object.contains("label")) fail("missing \"label\"");
    const Json& label = object["label"];
    if (label.is_array()) {
      instance.label_is_list = true;
      if (label.empty()) fail("\"label\" is an empty list");
      for (const Json& value : label)
        instance.label.push_back(number(value, "label"));
    } else {
      instance.label.push_back(number(label, "label"));
    }
    if (object.contains("meta")) {
      if (!object["meta"].is_object()) fail("\"meta\" must be a JSON object");
      instance.meta = object["meta"].dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    return instance;
  }

 private:
  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(fmt::format("{}:{}: {}", source_, line_, message));
  }

  /// `text` with control and non-ASCII bytes escaped, for messages.
  static std::string printable(std::string_view text) {
    std::string result;
    for (unsigned char c : text) {
      if (c >= 0x20 && c < 0x7f) {
        result += static_cast<char>(c);
      } else {
        result += fmt::format("\\x{:02x}", c);
      }
    }
    return result;
  }

  void read_tokens(const Json& tokens, Instance& instance) const {
    if (tokens.is_string()) {
      const std::string& text = tokens.get_ref<const std::string&>();
      instance.tokens = model::utf8_characters(text);
      return;
    }
    if (!tokens.is_array()) fail("\"tokens\" must be a string or a list of strings");
    for (const Json& symbol : tokens) {
      if (!symbol.is_string() || symbol.get_ref<const std::string&>().empty()) {
        fail("\"tokens\" must be a list of non-empty strings");
      }
      instance.tokens.push_back(symbol.get<std::string>());
    }
  }

  void read_vectors(const Json& vectors, Instance& instance) const {
    if (!vectors.is_array()) fail("\"vectors\" must be a list of lists of numbers");
    for (const Json& vector : vectors) {
      if (!vector.is_array()) fail("\"vectors\" must be a list of lists of numbers");
      std::vector<mpq_class> values;
      for (const Json& value : vector)
        values.push_back(number(value, "vectors"));
      if (!instance.vectors.empty() && values.size() != instance.vectors.front().size()) {
        fail(fmt::format("\"vectors\": step {} has {} values, step 1 has {}",
                         instance.vectors.size() + 1, values.size(),
                         instance.vectors.front().size()));
      }
      instance.vectors.push_back(std::move(values));
    }
  }

  mpq_class number(const Json& value, std::string_view where) const {
    if (value.is_number_integer()) {
      return value.is_number_unsigned()
                 ? mpq_class(mpz_class(std::to_string(value.get<std::uint64_t>())))
                 : mpq_class(mpz_class(std::to_string(value.get<std::int64_t>())));
    }
    if (value.is_boolean()) return value.get<bool>() ? 1 : 0;
    if (value.is_string()) {
      if (std::optional<mpq_class> parsed =
              model::parse_rational(value.get_ref<const std::string&>())) {
        return *parsed;
      }
    }
    fail(
        fmt::format("\"{}\": expected an integer, or a string such as \"-3\" or \"1/3\" "
                    "(integers beyond 64 bits and fractions are written as strings)",
                    where));
  }

  std::string_view source_;
  std::size_t line_;
};

OrderedJson number_json(const mpq_class& value) {
  if (value.get_den() == 1 && value.get_num().fits_slong_p()) return value.get_num().get_si();
  return value.get_str();
}

}  // namespace

std::vector<Instance> read_instance_file(const std::filesystem::path& path, unsigned threads) {
  const std::string text = read_file_text(path, max_instance_file_bytes, "an instance file");
  const std::string source = path == "-" ? std::string("standard input") : path.string();
  // The non-blank lines first (cheap), then each parsed on its own.
  struct Line {
    std::size_t number;
    std::string_view content;
  };
  std::vector<Line> lines;
  std::size_t start = 0;
  for (std::size_t line = 1; start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view content(text.data() + start, end - start);
    start = end + 1;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.find_first_not_of(" \t") == std::string_view::npos) continue;
    lines.push_back({line, content});
  }
  std::vector<Instance> instances(lines.size());
  std::mutex first_error_lock;
  std::optional<std::pair<std::size_t, std::string>> first_error;
  auto parse_lines = [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      try {
        instances[i] = InstanceLine(source, lines[i].number).read(lines[i].content);
      } catch (const InputError& error) {
        std::lock_guard<std::mutex> hold(first_error_lock);
        if (!first_error || first_error->first > lines[i].number) {
          first_error.emplace(lines[i].number, error.what());
        }
        return;
      }
    }
  };
  if (threads <= 1 || lines.size() < 1024) {
    parse_lines(0, lines.size());
  } else {
    tbb::task_arena arena(static_cast<int>(threads));
    arena.execute([&] {
      tbb::parallel_for(tbb::blocked_range<std::size_t>(0, lines.size(), 256),
                        [&](const tbb::blocked_range<std::size_t>& range) {
                          parse_lines(range.begin(), range.end());
                        });
    });
  }
  if (first_error) throw InputError(first_error->second);
  return instances;
}

std::string format_instances(const std::vector<Instance>& instances) {
  std::string text;
  for (const Instance& instance : instances) {
    OrderedJson object = OrderedJson::object();
    if (instance.has_vectors()) {
      OrderedJson vectors = OrderedJson::array();
      for (const std::vector<mpq_class>& vector : instance.vectors) {
        OrderedJson values = OrderedJson::array();
        for (const mpq_class& value : vector)
          values.push_back(number_json(value));
        vectors.push_back(std::move(values));
      }
      object["vectors"] = std::move(vectors);
    } else {
      bool one_character = true;
      for (const std::string& symbol : instance.tokens) {
        one_character = one_character && model::utf8_characters(symbol).size() == 1 &&
                        symbol != "\"" && symbol != "\\";
      }
      if (one_character) {
        std::string joined;
        for (const std::string& symbol : instance.tokens)
          joined += symbol;
        object["tokens"] = joined;
      } else {
        object["tokens"] = instance.tokens;
      }
    }
    if (instance.label_is_list) {
      OrderedJson label = OrderedJson::array();
      for (const mpq_class& value : instance.label)
        label.push_back(number_json(value));
      object["label"] = std::move(label);
    } else {
      object["label"] = number_json(instance.label.front());
    }
    object["meta"] = OrderedJson::parse(instance.meta);
    text += object.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
    text += '\n';
  }
  return text;
}

void write_instance_file(const std::filesystem::path& path,
                         const std::vector<Instance>& instances) {
  if (path == "-") {
    const std::string text = format_instances(instances);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  write_file_atomically(path, format_instances(instances));
}

}  // namespace rnncc::io
