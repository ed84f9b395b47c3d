#include "rnncc/io/model_file.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "rnncc/arith/reference.hpp"
#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/random.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/io/safetensors.hpp"
#include "rnncc/model/input_sequence.hpp"
#include "rnncc/model/number_text.hpp"
#include "rnncc/model/registry.hpp"
#include "rnncc/model/tensor_specification.hpp"
#include "toml_key_depth.hpp"

namespace rnncc::io {

using namespace model;

namespace {

constexpr EnumNames<ReadoutKind, 3> readout_names{{
    {ReadoutKind::state, "state"},
    {ReadoutKind::linear, "linear"},
    {ReadoutKind::accept, "accept"},
}};
static_assert(names_are_distinct(readout_names));

constexpr EnumNames<SublayerKind, 2> sublayer_names{{
    {SublayerKind::heads, "heads"},
    {SublayerKind::feedforward, "feedforward"},
}};
static_assert(names_are_distinct(sublayer_names));

/// The sublayer kinds in quotes as a TOML line spells them: "heads" or "feedforward".
std::string quoted_sublayer_kinds() {
  std::string list;
  for (std::size_t i = 0; i < sublayer_names.size(); ++i) {
    if (i > 0) list += i + 1 == sublayer_names.size() ? " or " : ", ";
    list += fmt::format("\"{}\"", sublayer_names[i].name);
  }
  return list;
}

/// A tensor as read from the file, before conversion into the format.
struct RawTensor {
  std::vector<std::size_t> shape;
  std::vector<mpq_class> values;
  std::string origin;  ///< "FILE:LINE" or "FILE (tensor NAME)" for messages
};

/// Where a head's weights come from: the network's sources, under the
/// head's name prefix.
struct RandomSource {
  std::uint64_t seed = 0;
  mpz_class low, high, denominator;
};

class ModelFileReader {
 public:
  ModelFileReader(const std::filesystem::path& path, const std::optional<arith::Format>& override)
      : path_(path), format_override_(override) {}

  /// Reads the whole file.
  Model read();

 private:
  friend class FileSettings;
  friend class FileTensors;

  /// A reader of the head `table` of a network: its weights are `raw` (the
  /// network's tensors under `prefix`, the prefix removed), its input the
  /// network's stream of `width` values.
  ModelFileReader(const std::filesystem::path& path, const arith::Format& format,
                  const toml::table& table, std::string prefix, std::size_t width,
                  std::map<std::string, RawTensor> raw, std::optional<RandomSource> random)
      : path_(path),
        format_override_(format),
        document_(&table),
        raw_(std::move(raw)),
        random_(std::move(random)),
        prefix_(std::move(prefix)),
        head_width_(width) {}

  /// Reads document_ (the file, or a head's table).
  Model read_document();
  /// Checks the document's keys: the common ones, the keys of the state's
  /// shape, and the family's own settings; a key of another family or
  /// shape is refused saying where it applies.
  void check_document_keys(const FamilyDescriptor& family) const;
  /// Reads a network's sublayers and their heads.
  void read_network(Model& model);
  /// Adds the tensors of `weights` (a [weights] table, nested tables
  /// joined with '.') to raw_, their names prefixed by `prefix`.
  void add_inline_weights(const toml::table& weights, const std::string& prefix,
                          std::size_t depth = 0);

  [[noreturn]] void fail_at(const toml::node* node, const std::string& message) const {
    if (node != nullptr && node->source().begin.line > 0) {
      throw InputError(
          fmt::format("{}:{}: {}", path_.string(), node->source().begin.line, message));
    }
    throw InputError(fmt::format("{}: {}", path_.string(), message));
  }
  [[noreturn]] void fail(const std::string& message) const { fail_at(nullptr, message); }

  void check_keys(const toml::table& table, std::string_view where,
                  const std::vector<std::string_view>& allowed) const;
  std::string string_value(const toml::table& table, std::string_view key,
                           std::optional<std::string> fallback) const;
  std::size_t size_value(const toml::table& table, std::string_view key,
                         std::optional<std::size_t> fallback, std::size_t minimum,
                         std::size_t maximum = std::size_t{1} << 20) const;
  mpq_class number_of(const toml::node& node) const;
  void flatten(const toml::node& node, std::size_t depth, std::vector<std::size_t>& shape,
               std::vector<mpq_class>& values) const;

  void read_input(const toml::table* table, Model& model) const;
  void read_readout(Model& model) const;
  void read_raw_tensors();
  /// The [safetensors] file and the [random] source (the file's top level).
  void read_shared_sources();
  const RawTensor& tensor(const TensorSpecification& specification);
  const TensorSpecification& specification(std::string_view name) const;
  std::vector<mpq_class> converted(const TensorSpecification& specification, const Model& model);
  /// The model's features from their tensors, then its family's
  /// parameters, initial state and readout weights.
  void build(Model& model);
  Feature feature(const Model& model, std::string_view name, std::size_t rows);

  std::filesystem::path path_;
  std::optional<arith::Format> format_override_;
  toml::table parsed_;                     ///< the file (the top-level reader only)
  const toml::table* document_ = nullptr;  ///< the table read: the file's, or a head's
  std::map<std::string, RawTensor> raw_;
  std::map<std::string, RawTensor> generated_;
  std::vector<TensorSpecification> specifications_;
  std::set<std::string> used_;
  std::optional<RandomSource> random_;
  std::string prefix_;             ///< a head's "sublayer.L.head.H.", empty otherwise
  std::size_t head_width_ = 0;     ///< a head's input width, 0 outside networks
  std::size_t element_total_ = 0;  ///< elements of the tensors converted so far
};

/// The family's settings as the document's keys.
class FileSettings final : public SettingsSource {
 public:
  explicit FileSettings(const ModelFileReader& reader) : reader_(reader) {}

  std::optional<std::string> text(std::string_view key) const override {
    if (node(key) == nullptr) return std::nullopt;
    return reader_.string_value(*reader_.document_, key, std::nullopt);
  }
  std::optional<std::size_t> size(std::string_view key, std::size_t minimum,
                                  std::size_t maximum) const override {
    if (node(key) == nullptr) return std::nullopt;
    return reader_.size_value(*reader_.document_, key, std::nullopt, minimum, maximum);
  }
  std::optional<std::vector<std::size_t>> sizes(std::string_view key, std::size_t minimum,
                                                std::size_t maximum) const override {
    const toml::node* value = node(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_array()) fail(key, fmt::format("'{}' must be an array of integers", key));
    std::vector<std::size_t> result;
    for (const toml::node& element : *value->as_array()) {
      if (!element.is_integer() ||
          element.as_integer()->get() < static_cast<std::int64_t>(minimum) ||
          element.as_integer()->get() > static_cast<std::int64_t>(maximum)) {
        reader_.fail_at(&element, fmt::format("the elements of '{}' must be integers in [{}, {}]",
                                              key, minimum, maximum));
      }
      result.push_back(static_cast<std::size_t>(element.as_integer()->get()));
    }
    return result;
  }
  [[noreturn]] void fail(std::string_view key, const std::string& message) const override {
    reader_.fail_at(node(key), message);
  }

 private:
  const toml::node* node(std::string_view key) const { return reader_.document_->get(key); }
  const ModelFileReader& reader_;
};

/// The family's tensors as the reader finds and converts them.
class FileTensors final : public TensorSource {
 public:
  FileTensors(ModelFileReader& reader, const Model& model) : reader_(reader), model_(model) {}

  std::vector<mpq_class> values(std::string_view name) override {
    return reader_.converted(reader_.specification(name), model_);
  }
  [[noreturn]] void fail(std::string_view name, const std::string& message) override {
    throw InputError(
        fmt::format("{}: {}", reader_.tensor(reader_.specification(name)).origin, message));
  }

 private:
  ModelFileReader& reader_;
  const Model& model_;
};

void ModelFileReader::check_keys(const toml::table& table, std::string_view where,
                                 const std::vector<std::string_view>& allowed) const {
  for (const auto& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      fail_at(&node, fmt::format("unknown key '{}' in {} (expected one of: {})", key.str(), where,
                                 fmt::join(allowed, ", ")));
    }
  }
}

std::string ModelFileReader::string_value(const toml::table& table, std::string_view key,
                                          std::optional<std::string> fallback) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (!fallback) fail(fmt::format("missing key '{}'", key));
    return *fallback;
  }
  if (!node->is_string()) fail_at(node, fmt::format("'{}' must be a string", key));
  return std::string(node->as_string()->get());
}

std::size_t ModelFileReader::size_value(const toml::table& table, std::string_view key,
                                        std::optional<std::size_t> fallback, std::size_t minimum,
                                        std::size_t maximum) const {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (!fallback) fail(fmt::format("missing key '{}' (a positive integer)", key));
    return *fallback;
  }
  if (!node->is_integer() || node->as_integer()->get() < static_cast<std::int64_t>(minimum) ||
      node->as_integer()->get() > static_cast<std::int64_t>(maximum)) {
    fail_at(node, maximum == std::size_t{1} << 20
                      ? fmt::format("'{}' must be an integer in [{}, 2^20]", key, minimum)
                      : fmt::format("'{}' must be an integer in [{}, {}]", key, minimum, maximum));
  }
  return static_cast<std::size_t>(node->as_integer()->get());
}

mpq_class ModelFileReader::number_of(const toml::node& node) const {
  if (node.is_integer()) return mpq_class(mpz_class(std::to_string(node.as_integer()->get()), 10));
  if (node.is_floating_point()) {
    const double value = node.as_floating_point()->get();
    if (!std::isfinite(value))
      fail_at(&node, "weights must be finite numbers, not NaN or infinity");
    return mpq_class(value);  // exact: every finite double is a dyadic rational
  }
  if (node.is_string()) {
    const std::string text(node.as_string()->get());
    if (std::optional<mpq_class> value = parse_rational(text)) return *value;
    fail_at(&node, fmt::format("'{}' is not a number (expected e.g. 3, \"-0.25\", \"1/3\")", text));
  }
  fail_at(&node, "expected a number (integer, float, or a string such as \"1/3\")");
}

void ModelFileReader::flatten(const toml::node& node, std::size_t depth,
                              std::vector<std::size_t>& shape,
                              std::vector<mpq_class>& values) const {
  const toml::array* array = node.as_array();
  if (array == nullptr) {
    if (depth != shape.size() && !shape.empty())
      fail_at(&node, "ragged array: rows of different depth");
    values.push_back(number_of(node));
    return;
  }
  if (depth == shape.size()) {
    if (!values.empty()) fail_at(&node, "ragged array: rows of different depth");
    shape.push_back(array->size());
  } else if (depth > shape.size() || shape[depth] != array->size()) {
    fail_at(&node, fmt::format("ragged array: expected {} entries at depth {}",
                               depth < shape.size() ? shape[depth] : 0, depth + 1));
  }
  for (const toml::node& element : *array)
    flatten(element, depth + 1, shape, values);
}

void ModelFileReader::read_input(const toml::table* table, Model& model) const {
  if (table == nullptr) fail("missing table [input] (an alphabet or a dimension)");
  check_keys(*table, "[input]", {"alphabet", "dimension", "range", "denominator"});
  const toml::node* alphabet = table->get("alphabet");
  const toml::node* dimension = table->get("dimension");
  if ((alphabet == nullptr) == (dimension == nullptr)) {
    fail("[input] needs exactly one of 'alphabet' (token inputs) and 'dimension' (vector inputs)");
  }
  if (alphabet != nullptr) {
    if (table->get("range") != nullptr || table->get("denominator") != nullptr) {
      fail_at(table->get("range") != nullptr ? table->get("range") : table->get("denominator"),
              "'range' and 'denominator' describe vector inputs and do not go with 'alphabet'");
    }
    if (alphabet->is_string()) {
      model.input.alphabet = utf8_characters(alphabet->as_string()->get());
    } else if (alphabet->is_array()) {
      for (const toml::node& symbol : *alphabet->as_array()) {
        if (!symbol.is_string() || symbol.as_string()->get().empty()) {
          fail_at(&symbol, "alphabet symbols must be non-empty strings");
        }
        model.input.alphabet.emplace_back(symbol.as_string()->get());
      }
    } else {
      fail_at(alphabet,
              "'alphabet' must be a string of one-character symbols or an array of strings");
    }
    std::set<std::string> distinct(model.input.alphabet.begin(), model.input.alphabet.end());
    if (model.input.alphabet.empty() || distinct.size() != model.input.alphabet.size()) {
      fail_at(alphabet, "the alphabet needs at least one symbol and no repeated symbols");
    }
    if (model.input.alphabet.size() > 65536) fail_at(alphabet, "at most 65536 symbols");
    return;
  }
  model.input.dimension = size_value(*table, "dimension", std::nullopt, 1);
  if (const toml::node* range = table->get("range")) {
    const toml::array* bounds = range->as_array();
    if (bounds == nullptr || bounds->size() != 2 || !(*bounds)[0].is_integer() ||
        !(*bounds)[1].is_integer() ||
        (*bounds)[0].as_integer()->get() > (*bounds)[1].as_integer()->get()) {
      fail_at(range, "'range' must be [LOW, HIGH] with integers LOW <= HIGH");
    }
    model.input.exact_domain.low = mpz_class(std::to_string((*bounds)[0].as_integer()->get()), 10);
    model.input.exact_domain.high = mpz_class(std::to_string((*bounds)[1].as_integer()->get()), 10);
  }
  model.input.exact_domain.denominator =
      static_cast<unsigned long>(size_value(*table, "denominator", 1, 1));
}

void ModelFileReader::read_raw_tensors() {
  if (const toml::table* weights = (*document_)["weights"].as_table()) {
    add_inline_weights(*weights, "");
  }
  if (prefix_.empty()) read_shared_sources();
}

/// Deepest nesting of [weights] tables (dotted names) a model file may use.
constexpr std::size_t max_weight_name_depth = 64;

void ModelFileReader::add_inline_weights(const toml::table& weights, const std::string& prefix,
                                         std::size_t depth) {
  for (const auto& [key, node] : weights) {
    const std::string name = prefix + std::string(key.str());
    if (const toml::table* nested = node.as_table()) {
      if (depth + 1 >= max_weight_name_depth) {
        fail_at(&node,
                fmt::format("weight names nest at most {} tables deep", max_weight_name_depth));
      }
      add_inline_weights(*nested, name + ".", depth + 1);
      continue;
    }
    RawTensor raw;
    flatten(node, 0, raw.shape, raw.values);
    raw.origin = fmt::format("{}:{}", path_.string(), node.source().begin.line);
    if (!raw_.emplace(name, std::move(raw)).second) {
      fail_at(&node, fmt::format("weight '{}' is given twice", name));
    }
  }
}

void ModelFileReader::read_shared_sources() {
  if (const toml::table* source = (*document_)["safetensors"].as_table()) {
    check_keys(*source, "[safetensors]", {"file"});
    std::filesystem::path file = string_value(*source, "file", std::nullopt);
    if (file.is_relative()) file = path_.parent_path() / file;
    for (Tensor& tensor : read_safetensors_file(file)) {
      if (raw_.count(tensor.name) != 0) continue;  // inline weights take precedence
      RawTensor raw{tensor.shape, std::move(tensor.values),
                    fmt::format("{} (tensor '{}')", file.string(), tensor.name)};
      raw_.emplace(tensor.name, std::move(raw));
    }
  }
  if (const toml::table* random = (*document_)["random"].as_table()) {
    check_keys(*random, "[random]", {"seed", "low", "high", "denominator"});
    RandomSource source;
    const toml::node* seed = random->get("seed");
    if (seed == nullptr || !seed->is_integer() || seed->as_integer()->get() < 0) {
      fail_at(seed != nullptr ? seed : nullptr, "[random] needs 'seed', a non-negative integer");
    }
    source.seed = static_cast<std::uint64_t>(seed->as_integer()->get());
    source.denominator = static_cast<unsigned long>(size_value(*random, "denominator", 16, 1));
    auto bound = [&](std::string_view key, int fallback) {
      const toml::node* node = random->get(key);
      mpq_class value = node != nullptr ? number_of(*node) : mpq_class(fallback);
      mpq_class scaled = value * source.denominator;
      scaled.canonicalize();
      if (scaled.get_den() != 1) {
        fail_at(node, fmt::format("[random] '{}' times the denominator must be an integer", key));
      }
      return mpz_class(scaled.get_num());
    };
    source.low = bound("low", -1);
    source.high = bound("high", 1);
    if (source.low > source.high) fail("[random] needs low <= high");
    if (mpz_class(source.high - source.low) >= mpz_class("18446744073709551616")) {
      fail("[random] allows at most 2^64 values: (high - low) * denominator must be below 2^64");
    }
    random_ = source;
  }
}

const RawTensor& ModelFileReader::tensor(const TensorSpecification& specification) {
  long double wanted = 1;
  for (std::size_t extent : specification.shape)
    wanted *= static_cast<long double>(std::max<std::size_t>(extent, 1));
  // Each weight is an exact rational (at least 32 bytes).
  const std::uint64_t max_weights = size_limits().max_weight_count;
  if (element_total_ > max_weights ||
      wanted > static_cast<long double>(max_weights - element_total_)) {
    throw LimitError(fmt::format(
        "{}: weight '{}{}' of shape [{}] would bring the model to {:.3g} parameters; at most "
        "{} are allowed, each an exact rational (raise it with --max-weights)",
        path_.string(), prefix_, specification.name, fmt::join(specification.shape, ", "),
        wanted + static_cast<long double>(element_total_), max_weights));
  }
  std::size_t count = 1;
  for (std::size_t extent : specification.shape)
    count *= extent;
  auto found = raw_.find(specification.name);
  if (found != raw_.end()) {
    used_.insert(specification.name);
    const RawTensor& raw = found->second;
    std::size_t raw_count = 1;
    for (std::size_t extent : raw.shape)
      raw_count *= extent;
    const bool free_rows =
        !specification.shape.empty() && specification.shape.front() == 0 &&
        raw.shape.size() == specification.shape.size() && !raw.shape.empty() &&
        raw.shape.front() > 0 &&
        std::equal(raw.shape.begin() + 1, raw.shape.end(), specification.shape.begin() + 1);
    // A vector of any length also takes a scalar (one value).
    const bool scalar_for_vector =
        specification.shape == std::vector<std::size_t>{0} && raw.shape.empty();
    const bool same_shape = raw.shape == specification.shape || free_rows || scalar_for_vector ||
                            (specification.any_shape_with_count && raw_count == count);
    if (!same_shape) {
      throw InputError(fmt::format("{}: weight '{}{}' has shape [{}], expected [{}]", raw.origin,
                                   prefix_, specification.name, fmt::join(raw.shape, ", "),
                                   fmt::join(specification.shape, ", ")));
    }
    return raw;
  }
  auto [generated, inserted] = generated_.try_emplace(specification.name);
  if (inserted) {
    generated->second.shape = specification.shape;
    if (!specification.shape.empty() && specification.shape.front() == 0) {
      generated->second.shape.front() = 1;  // a linear readout drawn at random has one row
      count = 1;
      for (std::size_t extent : generated->second.shape)
        count *= extent;
    }
    if (random_ && (specification.required || specification.random_when_optional)) {
      generated->second.values =
          random_tensor_values(random_->seed, prefix_ + specification.name, count, random_->low,
                               random_->high, random_->denominator);
      generated->second.origin =
          fmt::format("{} ([random] tensor '{}{}')", path_.string(), prefix_, specification.name);
    } else if (specification.required) {
      fail(
          fmt::format("missing weight '{}{}' of shape [{}]: give it under [weights], in the "
                      "[safetensors] file, or add a [random] table",
                      prefix_, specification.name, fmt::join(specification.shape, ", ")));
    } else {
      generated->second.values.assign(count, mpq_class(specification.default_value));
      generated->second.origin = path_.string();
    }
  }
  return generated->second;
}

std::vector<mpq_class> ModelFileReader::converted(const TensorSpecification& specification,
                                                  const Model& model) {
  const RawTensor& raw = tensor(specification);
  element_total_ += raw.values.size();
  std::vector<mpq_class> values;
  values.reserve(raw.values.size());
  const arith::Format& format = model.format;
  for (std::size_t i = 0; i < raw.values.size(); ++i) {
    const mpq_class& value = raw.values[i];
    if (specification.integer_valued) {
      values.push_back(value);
      continue;
    }
    std::optional<mpq_class> member = fit_into_format(format, value);
    if (!member) {
      throw InputError(fmt::format("{}: weight '{}{}' element {} = {} does not fit in {}",
                                   raw.origin, prefix_, specification.name, i, value.get_str(),
                                   arith::to_string(format)));
    }
    values.push_back(*member);
  }
  return values;
}

const TensorSpecification& ModelFileReader::specification(std::string_view name) const {
  for (const TensorSpecification& candidate : specifications_)
    if (candidate.name == name) return candidate;
  throw std::logic_error("no tensor specification " + std::string(name));
}

Feature ModelFileReader::feature(const Model& model, std::string_view name, std::size_t rows) {
  Feature result;
  result.rows = rows;
  bool columns_are_symbols = false;
  for (const TensorSpecification& specification : specifications_) {
    if (specification.feature != name) continue;
    std::vector<mpq_class> values = converted(specification, model);
    if (specification.role == TensorRole::per_symbol) {
      const std::size_t symbols = model.input.alphabet.size();
      result.per_symbol.assign(symbols, {});
      for (std::size_t symbol = 0; symbol < symbols; ++symbol) {
        result.per_symbol[symbol].assign(
            values.begin() + static_cast<std::ptrdiff_t>(symbol * rows),
            values.begin() + static_cast<std::ptrdiff_t>((symbol + 1) * rows));
      }
    } else if (specification.role == TensorRole::weight) {
      columns_are_symbols = specification.columns_are_symbols;
      const std::size_t columns = specification.shape.back();
      result.weight.assign(rows, {});
      for (std::size_t row = 0; row < rows; ++row) {
        result.weight[row].assign(
            values.begin() + static_cast<std::ptrdiff_t>(row * columns),
            values.begin() + static_cast<std::ptrdiff_t>((row + 1) * columns));
      }
    } else if (specification.role == TensorRole::bias) {
      result.bias = std::move(values);
    }
  }
  if (result.per_symbol.empty() && result.bias.empty()) result.bias.assign(rows, mpq_class(0));
  if (columns_are_symbols) {
    // The token is a one-hot vector: W x + b is column `symbol` of W plus b.
    for (std::size_t symbol = 0; symbol < model.input.alphabet.size(); ++symbol) {
      std::vector<mpq_class> row;
      for (std::size_t r = 0; r < rows; ++r) {
        row.push_back(
            arith::reference::represent(model.format, result.weight[r][symbol] + result.bias[r]));
      }
      result.per_symbol.push_back(std::move(row));
    }
    result.weight.clear();
    result.bias.clear();
  }
  return result;
}

void ModelFileReader::build(Model& model) {
  specifications_ = tensor_specifications(model);
  std::set<std::string> feature_names;
  for (const TensorSpecification& specification : specifications_) {
    if (!specification.feature.empty()) feature_names.insert(specification.feature);
  }
  for (const std::string& name : feature_names) {
    std::size_t rows = 0;
    for (const TensorSpecification& specification : specifications_) {
      if (specification.feature == name) rows = specification.feature_rows;
    }
    model.features.emplace_back(name, feature(model, name, rows));
  }
  FileTensors tensors(*this, model);
  visit_family(*model.family, [&]<class Family>() { Family::build(tensors, model); });

  if (model.family->state_shape != StateShape::stream) {  // a network has its heads' states
    model.initial_state = converted(specification("initial"), model);
  }
  if (model.readout != ReadoutKind::state) {
    const std::size_t source = model.readout_source_size();
    std::vector<mpq_class> weights = converted(specification(model.family->readout_tensor), model);
    const std::size_t rows = weights.size() / source;
    model.readout_weights = Matrix{rows, source, std::move(weights)};
    if (raw_.count("readout_bias") != 0) {
      model.readout_bias = converted(specification("readout_bias"), model);
      if (model.readout_bias.size() != rows) {
        throw InputError(
            fmt::format("{}: weight '{}readout_bias' has {} values; the readout has {} "
                        "row{}",
                        raw_.at("readout_bias").origin, prefix_, model.readout_bias.size(), rows,
                        rows == 1 ? "" : "s"));
      }
    }
  }

  for (const auto& [name, raw] : raw_) {
    if (used_.count(name) == 0) {
      std::vector<std::string> expected;
      for (const TensorSpecification& specification : specifications_)
        expected.push_back(prefix_ + specification.name);
      throw InputError(fmt::format(
          "{}: weight '{}{}' is not a parameter of this {} {} (expected: {})", raw.origin, prefix_,
          name, model.family->name, model.is_head ? "head" : "model", fmt::join(expected, ", ")));
    }
  }
}

/// Most parts of a dotted key a model file may use (weight names nest at
/// most max_weight_name_depth tables deep).
constexpr std::size_t max_dotted_key_parts = 128;

Model ModelFileReader::read() {
  try {
    const std::string text = read_input_file_text(path_, "a model file");
    // toml++ recurses once per part of a dotted key: bound them first.
    check_dotted_key_depth(text, path_.string(), max_dotted_key_parts);
    parsed_ = toml::parse(text, path_.string());
    document_ = &parsed_;
  } catch (const toml::parse_error& error) {
    throw InputError(
        fmt::format("{}:{}: {}", path_.string(), error.source().begin.line, error.description()));
  }
  return read_document();
}

/// "a, b and c".
std::string joined_with_and(const std::vector<std::string_view>& words) {
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? " and " : ", ";
    text += words[i];
  }
  return text;
}

void ModelFileReader::check_document_keys(const FamilyDescriptor& family) const {
  const bool head = !prefix_.empty();
  std::vector<std::string_view> allowed =
      head ? std::vector<std::string_view>{"family", "weights", "query"}
           : std::vector<std::string_view>{"name",    "family",  "format",      "input",
                                           "readout", "weights", "safetensors", "random"};
  if (family.state_shape == StateShape::stream) {
    allowed.insert(allowed.end(), {"width", "sublayer"});
    check_keys(*document_, head ? fmt::format("head {}", prefix_) : "the model file", allowed);
    return;
  }
  // The keys of the other families are known: they get a message saying
  // where they apply rather than "unknown key".
  allowed.insert(allowed.end(), {"state", "key", "value"});
  for (const FamilyDescriptor* other : model::all_families())
    for (std::string_view key : other->settings)
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) allowed.push_back(key);
  check_keys(*document_, head ? fmt::format("head {}", prefix_) : "the model file", allowed);

  const bool matrix_state = family.state_shape == StateShape::matrix;
  for (std::string_view key : matrix_state ? std::vector<std::string_view>{"state"}
                                           : std::vector<std::string_view>{"key", "value"}) {
    if (const toml::node* node = document_->get(key)) {
      fail_at(node, fmt::format("'{}' does not apply to family {} (it takes {})", key, family.name,
                                matrix_state ? "'key' and 'value'" : "'state'"));
    }
  }
  for (const FamilyDescriptor* other : model::all_families()) {
    for (std::string_view key : other->settings) {
      const toml::node* node = document_->get(key);
      if (node == nullptr ||
          std::find(family.settings.begin(), family.settings.end(), key) != family.settings.end()) {
        continue;
      }
      std::vector<std::string_view> owners;
      for (const FamilyDescriptor* owner : model::all_families())
        if (std::find(owner->settings.begin(), owner->settings.end(), key) != owner->settings.end())
          owners.push_back(owner->name);
      fail_at(node, fmt::format("'{}' applies to {} only", key, joined_with_and(owners)));
    }
  }
}

Model ModelFileReader::read_document() {
  const bool head = !prefix_.empty();
  const std::string family_name = string_value(*document_, "family", std::nullopt);
  const FamilyDescriptor* family = find_family(family_name);
  if (family == nullptr) {
    fail_at(document_->get("family"),
            fmt::format("unknown family '{}' (expected {})", family_name, family_names()));
  }
  if (head && (is_network(*family) || family->token_inputs_only)) {
    fail_at(document_->get("family"),
            fmt::format("a head of a network cannot be of family {}: {}", family_name,
                        is_network(*family) ? "networks do not nest"
                                            : "its matrices are chosen per symbol, and heads "
                                              "read the network's vectors"));
  }
  check_document_keys(*family);
  Model model;
  model.name = head ? prefix_.substr(0, prefix_.size() - 1)
                    : string_value(*document_, "name", path_.stem().string());
  model.family = family;
  model.is_head = head;
  try {
    model.format = format_override_
                       ? *format_override_
                       : arith::parse_format(string_value(*document_, "format", "exact"));
  } catch (const InputError& error) {
    fail_at(document_->get("format"), error.what());
  }
  if (is_network(*family)) {
    read_network(model);
    return model;
  }

  if (family->state_shape == StateShape::matrix) {
    model.state_size = size_value(*document_, "key", std::nullopt, 1);
    model.state_columns = size_value(*document_, "value", std::nullopt, 1);
  } else {
    model.state_size = size_value(*document_, "state", std::nullopt, 1);
  }
  const FileSettings settings(*this);
  visit_family(*family, [&]<class Family>() { Family::read_settings(settings, model); });

  if (head) {
    model.input.dimension = head_width_;
    if (const toml::node* query = document_->get("query")) {
      const std::string reads = string_value(*document_, "query", "previous");
      if (!family->linear || (reads != "previous" && reads != "current")) {
        fail_at(query,
                "'query' applies to linear heads and is \"previous\" (q_t^T S_{t-1}, the "
                "paper's head output) or \"current\" (q_t^T S_t)");
      }
      model.query_reads_previous = reads == "previous";
    }
  } else {
    read_input((*document_)["input"].as_table(), model);
  }
  if (family->token_inputs_only && !model.input.is_tokens()) {
    fail_at(document_->get("input"),
            fmt::format("family {} needs token inputs ([input] alphabet): its matrices are "
                        "chosen per symbol",
                        family->name));
  }

  read_readout(model);

  // Transcendental functions exist only in fixed formats.
  const std::optional<std::string> transcendental = visit_family(
      *family, [&]<class Family>() { return Family::transcendental_functions(model); });
  if (transcendental && !std::holds_alternative<arith::FixedFormat>(model.format)) {
    fail(
        fmt::format("this {} model uses {}, which format {} cannot compute; use a fixed format "
                    "such as fixed:16.8 (exact and modular formats accept relu, hardtanh and "
                    "sign only)",
                    family->name, *transcendental, arith::to_string(model.format)));
  }

  read_raw_tensors();
  build(model);
  return model;
}

void ModelFileReader::read_readout(Model& model) const {
  const ReadoutKind fallback =
      model.family->linear_readout_by_default ? ReadoutKind::linear : ReadoutKind::state;
  model.readout = fallback;
  if (const toml::table* readout = (*document_)["readout"].as_table()) {
    check_keys(*readout, "[readout]", {"kind"});
    const std::string kind =
        string_value(*readout, "kind", std::string(name_in(readout_names, fallback)));
    if (std::optional<ReadoutKind> parsed = parse_in(readout_names, kind)) {
      model.readout = *parsed;
    } else {
      fail_at(readout->get("kind"), fmt::format("unknown readout kind '{}' (expected {})", kind,
                                                list_names(readout_names, ", ", " or ")));
    }
  }
}

void ModelFileReader::read_network(Model& model) {
  model.state_size = size_value(*document_, "width", std::nullopt, 1);
  read_input((*document_)["input"].as_table(), model);
  read_readout(model);
  read_raw_tensors();
  const toml::node* sublayers_node = document_->get("sublayer");
  const toml::array* sublayers = sublayers_node != nullptr ? sublayers_node->as_array() : nullptr;
  if (sublayers == nullptr || sublayers->empty()) {
    fail_at(sublayers_node, fmt::format("a network needs at least one [[sublayer]] (kind = {})",
                                        quoted_sublayer_kinds()));
  }
  auto parameters = std::make_shared<Network::Parameters>();
  for (std::size_t index = 0; index < sublayers->size(); ++index) {
    const toml::node& node = (*sublayers)[index];
    const toml::table* table = node.as_table();
    if (table == nullptr) fail_at(&node, "each sublayer must be a table ([[sublayer]])");
    const std::string prefix = fmt::format("sublayer.{}.", index);
    const std::string where = fmt::format("sublayer {}", index);
    const toml::node* kind_node = table->get("kind");
    if (kind_node == nullptr || !kind_node->is_string()) {
      fail_at(kind_node != nullptr ? kind_node : &node,
              fmt::format("{} needs kind = {}", where, quoted_sublayer_kinds()));
    }
    const std::string kind(kind_node->as_string()->get());
    const std::optional<SublayerKind> parsed = parse_in(sublayer_names, kind);
    if (!parsed) {
      fail_at(kind_node, fmt::format("unknown sublayer kind '{}' (expected {})", kind,
                                     list_names(sublayer_names, ", ", " or ")));
    }
    Sublayer sublayer;
    sublayer.kind = *parsed;
    if (sublayer.kind == SublayerKind::heads) {
      check_keys(*table, where, {"kind", "head", "weights"});
    } else {
      check_keys(*table, where, {"kind", "hidden", "weights"});
      sublayer.hidden = size_value(*table, "hidden", std::nullopt, 1);
    }
    if (const toml::table* weights = (*table)["weights"].as_table()) {
      add_inline_weights(*weights, prefix);
    }
    if (sublayer.kind == SublayerKind::heads) {
      const toml::node* heads_node = table->get("head");
      const toml::array* heads = heads_node != nullptr ? heads_node->as_array() : nullptr;
      if (heads == nullptr || heads->empty()) {
        fail_at(&node, fmt::format("{} of kind heads needs at least one [[sublayer.head]]", where));
      }
      for (std::size_t number = 0; number < heads->size(); ++number) {
        const toml::table* head = (*heads)[number].as_table();
        if (head == nullptr) fail_at(&(*heads)[number], "each head must be a table");
        const std::string head_prefix = fmt::format("{}head.{}.", prefix, number);
        std::map<std::string, RawTensor> head_raw;
        for (auto it = raw_.begin(); it != raw_.end();) {
          if (it->first.rfind(head_prefix, 0) == 0) {
            head_raw.emplace(it->first.substr(head_prefix.size()), std::move(it->second));
            it = raw_.erase(it);
          } else {
            ++it;
          }
        }
        ModelFileReader reader(path_, model.format, *head, head_prefix, model.state_size,
                               std::move(head_raw), random_);
        sublayer.heads.push_back(reader.read_document());
      }
    }
    parameters->sublayers.push_back(std::move(sublayer));
  }
  model.parameters = std::move(parameters);
  build(model);
}

/// FNV-1a, 64 bits.
std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

std::vector<mpq_class> random_tensor_values(std::uint64_t seed, std::string_view tensor_name,
                                            std::size_t count, const mpz_class& low_numerator,
                                            const mpz_class& high_numerator,
                                            const mpz_class& denominator) {
  const mpz_class span = high_numerator - low_numerator + 1;
  if (span > mpz_class("18446744073709551615")) {
    throw InputError("[random] low..high times the denominator spans more than 2^64 values");
  }
  SplitMix64 generator(seed + fnv1a64(tensor_name));
  const std::uint64_t range = static_cast<std::uint64_t>(mpz_class(span - 1).get_ui()) + 1;
  std::vector<mpq_class> values;
  values.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    // range 0 (2^64 values) takes every draw as it is.
    const std::uint64_t draw = range == 0 ? generator.next() : generator.below(range);
    mpz_class offset;
    mpz_import(offset.get_mpz_t(), 1, 1, sizeof(draw), 0, 0, &draw);
    mpq_class value(low_numerator + offset, denominator);
    value.canonicalize();
    values.push_back(value);
  }
  return values;
}

Model read_model_file(const std::filesystem::path& path,
                      const std::optional<arith::Format>& format_override) {
  return ModelFileReader(path, format_override).read();
}

}  // namespace rnncc::io
