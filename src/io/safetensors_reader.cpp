#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_set>

#include "rnncc/common/enum_names.hpp"
#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/io/safetensors.hpp"

namespace rnncc::io {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t header_length_bytes = 8;
constexpr EnumNames<TensorType, 7> type_names{{
    {TensorType::f64, "F64"},
    {TensorType::f32, "F32"},
    {TensorType::f16, "F16"},
    {TensorType::bf16, "BF16"},
    {TensorType::i64, "I64"},
    {TensorType::i32, "I32"},
    {TensorType::i8, "I8"},
}};
static_assert(names_are_distinct(type_names));
/// Deepest nesting of arrays and objects a header may use (a header needs
/// 3: the top object, a tensor's object, its shape or offsets).
constexpr std::size_t max_header_depth = 64;

/// `text` with every byte outside printable ASCII written as \xNN, so a
/// message stays on one line whatever a tensor is called.
std::string printable(std::string_view text) {
  std::string result;
  for (char character : text) {
    auto byte = static_cast<unsigned char>(character);
    if (byte >= 0x20 && byte < 0x7f && byte != '\\') {
      result += character;
    } else {
      result += fmt::format("\\x{:02x}", byte);
    }
  }
  return result;
}

std::string type_list() {
  return list_names(type_names);
}

std::optional<TensorType> type_named(std::string_view name) {
  return parse_in(type_names, name);
}

/// The unsigned little-endian integer in `bytes[0 .. count)`, count <= 8.
std::uint64_t little_endian(const char* bytes, std::size_t count) {
  std::uint64_t value = 0;
  for (std::size_t i = count; i-- > 0;) {
    value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return value;
}

mpz_class integer_of(std::uint64_t value) {
  mpz_class result;
  mpz_import(result.get_mpz_t(), 1, 1, sizeof value, 0, 0, &value);
  return result;
}

/// The `bits`-bit two's-complement integer held in the low bits of `raw`.
mpz_class signed_integer_of(std::uint64_t raw, unsigned bits) {
  const std::uint64_t sign_bit = std::uint64_t{1} << (bits - 1);
  if ((raw & sign_bit) == 0) return integer_of(raw);
  // Negative: the magnitude is 2^bits - raw, computed without overflow.
  const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : (sign_bit << 1) - 1;
  const std::uint64_t magnitude = ((~raw) & mask) + 1;  // <= 2^(bits-1), fits
  return -integer_of(magnitude);
}

/// The exact value of the binary float with the given field widths whose
/// bits are `raw` (sign, biased exponent, fraction); nullopt for infinities
/// and NaNs. Only integer operations: the significand times a power of two.
std::optional<mpq_class> binary_float_value(std::uint64_t raw, unsigned exponent_bits,
                                            unsigned fraction_bits) {
  const std::uint64_t fraction = raw & ((std::uint64_t{1} << fraction_bits) - 1);
  const std::uint64_t exponent_mask = (std::uint64_t{1} << exponent_bits) - 1;
  const std::uint64_t biased_exponent = (raw >> fraction_bits) & exponent_mask;
  const bool negative = ((raw >> (fraction_bits + exponent_bits)) & 1) != 0;
  if (biased_exponent == exponent_mask) return std::nullopt;
  const long bias = (1L << (exponent_bits - 1)) - 1;
  // Normal: (2^f + fraction) * 2^(e - bias - f); subnormal and zero:
  // fraction * 2^(1 - bias - f).
  mpz_class significand = integer_of(fraction);
  long exponent = 1 - bias - static_cast<long>(fraction_bits);
  if (biased_exponent != 0) {
    significand += integer_of(std::uint64_t{1} << fraction_bits);
    exponent = static_cast<long>(biased_exponent) - bias - static_cast<long>(fraction_bits);
  }
  mpq_class value(significand);
  if (exponent >= 0) {
    mpq_mul_2exp(value.get_mpq_t(), value.get_mpq_t(), static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpq_div_2exp(value.get_mpq_t(), value.get_mpq_t(), static_cast<mp_bitcnt_t>(-exponent));
  }
  if (negative) value = -value;
  return value;
}

/// The exact value of one element stored at `bytes`; nullopt if not finite.
std::optional<mpq_class> element_value(TensorType type, const char* bytes) {
  const std::uint64_t raw = little_endian(bytes, size_of(type));
  switch (type) {
    case TensorType::f64:
      return binary_float_value(raw, 11, 52);
    case TensorType::f32:
      return binary_float_value(raw, 8, 23);
    case TensorType::f16:
      return binary_float_value(raw, 5, 10);
    case TensorType::bf16:
      return binary_float_value(raw, 8, 7);
    case TensorType::i64:
      return mpq_class(signed_integer_of(raw, 64));
    case TensorType::i32:
      return mpq_class(signed_integer_of(raw, 32));
    case TensorType::i8:
      return mpq_class(signed_integer_of(raw, 8));
  }
  return std::nullopt;
}

/// A header entry checked against the data's size, before any decoding.
struct TensorEntry {
  std::string name;
  TensorType type;
  std::vector<std::size_t> shape;
  std::size_t element_count;
  std::size_t begin;  ///< in the data section
  std::size_t end;
};

class SafetensorsParser {
 public:
  SafetensorsParser(std::string_view bytes, std::string_view source)
      : bytes_(bytes), source_(source) {}

  std::vector<Tensor> parse() {
    if (bytes_.size() < header_length_bytes) {
      fail_at(bytes_.size(), fmt::format("an 8-byte little-endian header length (the file has {} "
                                         "bytes)",
                                         bytes_.size()));
    }
    const std::uint64_t header_length = little_endian(bytes_.data(), header_length_bytes);
    if (header_length > bytes_.size() - header_length_bytes) {
      fail_at(0, fmt::format("a header length of at most {} (the bytes after it), not {}",
                             bytes_.size() - header_length_bytes, header_length));
    }
    data_start_ = header_length_bytes + static_cast<std::size_t>(header_length);
    data_size_ = bytes_.size() - data_start_;
    const Json header = parse_header(bytes_.substr(header_length_bytes, header_length));
    std::vector<TensorEntry> entries;
    for (const auto& [name, description] : header.items()) {
      if (name == "__metadata__") continue;
      entries.push_back(entry_of(name, description));
    }
    check_coverage(entries);
    check_element_total(entries);
    std::vector<Tensor> tensors;
    tensors.reserve(entries.size());
    for (TensorEntry& entry : entries)
      tensors.push_back(decode(std::move(entry)));
    return tensors;
  }

 private:
  [[noreturn]] void fail_at(std::size_t byte, std::string_view expected) const {
    throw InputError(fmt::format("{}: byte {}: expected {}", source_, byte, expected));
  }

  [[noreturn]] void fail_in(std::string_view tensor, std::string_view expected) const {
    throw InputError(
        fmt::format("{}: tensor '{}': expected {}", source_, printable(tensor), expected));
  }

  /// Refuses a header whose arrays and objects nest deeper than
  /// max_header_depth (the JSON parser and printer recurse once per level,
  /// so a deep enough header would overflow the stack); strings are
  /// skipped, so brackets inside names do not count.
  void check_nesting(std::string_view text) const {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char character = text[i];
      if (in_string) {
        if (character == '\\') {
          ++i;
        } else if (character == '"') {
          in_string = false;
        }
      } else if (character == '"') {
        in_string = true;
      } else if (character == '[' || character == '{') {
        if (++depth > max_header_depth) {
          fail_at(header_length_bytes + i,
                  fmt::format("a JSON header nested at most {} levels deep", max_header_depth));
        }
      } else if ((character == ']' || character == '}') && depth > 0) {
        --depth;
      }
    }
  }

  /// The header as a JSON object, tensor names unique.
  Json parse_header(std::string_view text) const {
    check_nesting(text);
    std::unordered_set<std::string> names;
    std::optional<std::string> repeated;
    // The parser reports each key of the top-level object at depth 1.
    auto watch_keys = [&](int depth, Json::parse_event_t event, Json& parsed) {
      if (event == Json::parse_event_t::key && depth == 1 && !repeated) {
        const std::string& name = parsed.get_ref<const std::string&>();
        if (!names.insert(name).second) repeated = name;
      }
      return true;
    };
    Json header;
    try {
      header = Json::parse(text.begin(), text.end(), watch_keys);
    } catch (const Json::parse_error& error) {
      // error.byte counts from 1 and points at the last character read.
      std::size_t offset = header_length_bytes + (error.byte > 0 ? error.byte - 1 : 0);
      std::string reason = error.what();
      if (std::size_t colon = reason.find(": "); colon != std::string::npos) {
        reason.erase(0, colon + 2);  // drop "[json.exception...] parse error at line L, column C"
      }
      fail_at(std::min(offset, data_start_),
              fmt::format("a JSON header object ({})", printable(reason)));
    } catch (const Json::exception& error) {
      // A number too large for a double (out_of_range 406) carries no
      // position: the header as a whole is named.
      std::string reason = error.what();
      if (std::size_t bracket = reason.find("] "); bracket != std::string::npos) {
        reason.erase(0, bracket + 2);  // drop "[json.exception.out_of_range.406]"
      }
      fail_at(header_length_bytes,
              fmt::format("a JSON header object whose numbers fit ({})", printable(reason)));
    }
    if (!header.is_object()) {
      fail_at(header_length_bytes,
              fmt::format("a JSON object as the header, not a JSON {}", header.type_name()));
    }
    if (repeated) {
      fail_in(*repeated, "each tensor name once in the header, but it appears twice");
    }
    return header;
  }

  /// A non-negative JSON integer, or nullopt.
  static std::optional<std::size_t> count_of(const Json& value) {
    if (!value.is_number_unsigned()) return std::nullopt;
    const auto number = value.get<std::uint64_t>();
    if (number > std::numeric_limits<std::size_t>::max()) return std::nullopt;
    return static_cast<std::size_t>(number);
  }

  TensorEntry entry_of(const std::string& name, const Json& description) const {
    if (!description.is_object()) {
      fail_in(name, fmt::format("an object with \"dtype\", \"shape\" and \"data_offsets\", not a "
                                "JSON {}",
                                description.type_name()));
    }
    for (const char* key : {"dtype", "shape", "data_offsets"}) {
      if (!description.contains(key)) fail_in(name, fmt::format("a \"{}\" entry", key));
    }
    TensorEntry entry{name, TensorType::f32, {}, 1, 0, 0};

    const Json& dtype = description["dtype"];
    std::optional<TensorType> type;
    if (dtype.is_string()) type = type_named(dtype.get_ref<const std::string&>());
    if (!type) {
      fail_in(name, fmt::format("a dtype among {}, not {}", type_list(), printable(dtype.dump())));
    }
    entry.type = *type;

    const Json& shape = description["shape"];
    if (!shape.is_array()) {
      fail_in(name, fmt::format("a shape that is a list of non-negative integers, not {}",
                                printable(shape.dump())));
    }
    bool overflow = false;
    for (const Json& extent : shape) {
      std::optional<std::size_t> size = count_of(extent);
      if (!size) {
        fail_in(name, fmt::format("a shape that is a list of non-negative integers, not {}",
                                  printable(shape.dump())));
      }
      entry.shape.push_back(*size);
      if (*size != 0 && entry.element_count > std::numeric_limits<std::size_t>::max() / *size) {
        overflow = true;
      }
      entry.element_count *= *size;
    }
    if (std::find(entry.shape.begin(), entry.shape.end(), 0) != entry.shape.end()) {
      entry.element_count = 0;
      overflow = false;
    }

    const Json& offsets = description["data_offsets"];
    std::optional<std::size_t> begin;
    std::optional<std::size_t> end;
    if (offsets.is_array() && offsets.size() == 2) {
      begin = count_of(offsets[0]);
      end = count_of(offsets[1]);
    }
    if (!begin || !end || *begin > *end || *end > data_size_) {
      fail_in(name, fmt::format("data_offsets [BEGIN, END] with BEGIN <= END <= {} (the size of "
                                "the data section), not {}",
                                data_size_, printable(offsets.dump())));
    }
    entry.begin = *begin;
    entry.end = *end;
    const std::size_t element_size = size_of(entry.type);
    if (overflow || entry.element_count > (entry.end - entry.begin) / element_size ||
        entry.element_count * element_size != entry.end - entry.begin) {
      const std::string count =
          overflow ? std::string("more than 2^64") : std::to_string(entry.element_count);
      fail_in(name, fmt::format("data_offsets spanning {} elements x {} bytes (shape {}, {}), "
                                "but [{}, {}] spans {} bytes",
                                count, element_size, printable(shape.dump()), name_of(entry.type),
                                entry.begin, entry.end, entry.end - entry.begin));
    }
    return entry;
  }

  /// The elements of all tensors together are within the weight limit,
  /// checked before any is decoded (each becomes an exact rational).
  void check_element_total(const std::vector<TensorEntry>& entries) const {
    const std::uint64_t limit = size_limits().max_weight_count;
    std::uint64_t total = 0;
    for (const TensorEntry& entry : entries) {
      total += entry.element_count;  // each at most the file's size: no overflow
      if (total > limit) {
        throw LimitError(fmt::format(
            "{}: tensor '{}' brings the file to {} or more elements; at most {} are allowed, "
            "each an exact rational (raise it with --max-weights)",
            source_, printable(entry.name), total, limit));
      }
    }
  }

  /// The tensors' byte ranges, in order, tile the data section exactly.
  void check_coverage(const std::vector<TensorEntry>& entries) const {
    std::vector<const TensorEntry*> by_offset;
    for (const TensorEntry& entry : entries)
      by_offset.push_back(&entry);
    std::stable_sort(by_offset.begin(), by_offset.end(),
                     [](const TensorEntry* first, const TensorEntry* second) {
                       return first->begin != second->begin ? first->begin < second->begin
                                                            : first->end < second->end;
                     });
    std::size_t covered = 0;
    const TensorEntry* previous = nullptr;
    for (const TensorEntry* entry : by_offset) {
      if (entry->begin < covered) {
        fail_in(entry->name,
                fmt::format("data_offsets that do not overlap another tensor's, but [{}, {}] "
                            "overlaps tensor '{}' [{}, {}]",
                            entry->begin, entry->end, printable(previous->name), previous->begin,
                            previous->end));
      }
      if (entry->begin > covered) {
        fail_at(data_start_ + covered,
                fmt::format("the data of some tensor: data bytes {} to {} belong to none", covered,
                            entry->begin));
      }
      covered = entry->end;
      previous = entry;
    }
    if (covered != data_size_) {
      fail_at(data_start_ + covered,
              fmt::format("the end of the file: data bytes {} to {} belong to no tensor", covered,
                          data_size_));
    }
  }

  Tensor decode(TensorEntry entry) const {
    Tensor tensor{std::move(entry.name), entry.type, std::move(entry.shape), {}};
    tensor.values.reserve(entry.element_count);
    const std::size_t element_size = size_of(entry.type);
    for (std::size_t index = 0; index < entry.element_count; ++index) {
      const std::size_t offset = data_start_ + entry.begin + index * element_size;
      std::optional<mpq_class> value = element_value(entry.type, bytes_.data() + offset);
      if (!value) {
        throw InputError(fmt::format(
            "{}: byte {}: tensor '{}': expected a finite number at flat index {}, not {}", source_,
            offset, printable(tensor.name), index, "an infinity or NaN"));
      }
      tensor.values.push_back(std::move(*value));
    }
    return tensor;
  }

  std::string_view bytes_;
  std::string_view source_;
  std::size_t data_start_ = 0;
  std::size_t data_size_ = 0;
};

}  // namespace

std::string_view name_of(TensorType type) {
  return name_in(type_names, type);
}

std::size_t size_of(TensorType type) {
  switch (type) {
    case TensorType::f64:
    case TensorType::i64:
      return 8;
    case TensorType::f32:
    case TensorType::i32:
      return 4;
    case TensorType::f16:
    case TensorType::bf16:
      return 2;
    case TensorType::i8:
      return 1;
  }
  return 1;
}

std::vector<Tensor> parse_safetensors(std::string_view bytes, std::string_view source) {
  return SafetensorsParser(bytes, source).parse();
}

std::vector<Tensor> read_safetensors_file(const std::filesystem::path& path) {
  std::error_code status_error;
  if (!std::filesystem::is_regular_file(path, status_error)) {
    throw InputError(fmt::format("{}: expected a readable regular file{}", path.string(),
                                 status_error ? ": " + status_error.message() : std::string()));
  }
  std::ifstream file(path, std::ios::binary | std::ios::ate);
  if (!file) {
    throw InputError(
        fmt::format("{}: expected a readable file: {}", path.string(), std::strerror(errno)));
  }
  const std::streamoff size = file.tellg();
  if (size < 0) {
    throw InputError(
        fmt::format("{}: expected a readable file: cannot tell its size", path.string()));
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  file.seekg(0);
  file.read(bytes.data(), size);
  if (file.gcount() != size) {
    throw InputError(fmt::format("{}: expected a readable file: read error", path.string()));
  }
  return parse_safetensors(bytes, path.string());
}

}  // namespace rnncc::io
