// safetensors reader: files built byte by byte here with hand-derived
// values for every element type, every malformed case refused with the byte
// or the tensor named, and the committed PyTorch fixtures checked against
// the decimal weights the fixture script wrote beside them (and printed).
#include <doctest/doctest.h>
#include <gmpxx.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "rnncc/common/error.hpp"
#include "rnncc/common/size_limits.hpp"
#include "rnncc/io/safetensors.hpp"
#include "support/abc.hpp"
#include "support/rational.hpp"

using rnncc::io::read_safetensors_file;
using rnncc::io::Tensor;
using rnncc::io::TensorType;

namespace {

/// The `count` low bytes of `value`, least significant first.
std::string little_endian(std::uint64_t value, std::size_t count) {
  std::string bytes;
  for (std::size_t i = 0; i < count; ++i)
    bytes += static_cast<char>((value >> (8 * i)) & 0xff);
  return bytes;
}

/// Elements of `size` bytes each, little-endian.
std::string elements(const std::vector<std::uint64_t>& raw, std::size_t size) {
  std::string bytes;
  for (std::uint64_t value : raw)
    bytes += little_endian(value, size);
  return bytes;
}

/// A whole file: the header's length in 8 bytes, the header, the data.
std::string file_of(const std::string& header, const std::string& data) {
  return little_endian(header.size(), 8) + header + data;
}

/// Where the data section of file_of(header, ...) starts.
std::size_t data_start(const std::string& header) {
  return 8 + header.size();
}

/// 2^exponent exactly.
mpq_class power_of_two(int exponent) {
  mpq_class value(1);
  if (exponent >= 0) {
    mpq_mul_2exp(value.get_mpq_t(), value.get_mpq_t(), static_cast<mp_bitcnt_t>(exponent));
  } else {
    mpq_div_2exp(value.get_mpq_t(), value.get_mpq_t(), static_cast<mp_bitcnt_t>(-exponent));
  }
  return value;
}

mpq_class fraction(const char* text) {
  mpq_class value(text, 10);
  value.canonicalize();
  return value;
}

/// Writes `bytes` to a file in a fresh directory and reads it back.
class FileReader {
 public:
  std::vector<Tensor> read(const std::string& bytes) {
    const auto path = directory_ / "model.safetensors";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    return read_safetensors_file(path);
  }
  /// The InputError message of reading `bytes`, or "<no error>".
  std::string error_of(const std::string& bytes) {
    try {
      (void)read(bytes);
    } catch (const rnncc::InputError& error) {
      return error.what();
    }
    return "<no error>";
  }
  std::string path() const { return (directory_ / "model.safetensors").string(); }

 private:
  rnncc::test::TemporaryDirectory directory_;
};

/// Reads a one-tensor file of `dtype` holding `raw` elements of `size` bytes.
std::vector<mpq_class> values_of(const std::string& dtype, std::size_t size,
                                 const std::vector<std::uint64_t>& raw) {
  const std::string header = R"({"x":{"dtype":")" + dtype + R"(","shape":[)" +
                             std::to_string(raw.size()) + R"(],"data_offsets":[0,)" +
                             std::to_string(raw.size() * size) + "]}}";
  FileReader reader;
  std::vector<Tensor> tensors = reader.read(file_of(header, elements(raw, size)));
  REQUIRE(tensors.size() == 1);
  CHECK(tensors[0].name == "x");
  CHECK(rnncc::io::name_of(tensors[0].type) == dtype);
  CHECK(tensors[0].shape == std::vector<std::size_t>{raw.size()});
  return tensors[0].values;
}

}  // namespace

TEST_CASE("safetensors: F16 values, normal and subnormal, are exact") {
  // 0x3555: exponent 13 (2^-2), fraction 0x155 = 341: (1024 + 341) / 1024 / 4.
  const std::vector<mpq_class> values =
      values_of("F16", 2, {0x3C00, 0x3555, 0x0001, 0x03FF, 0x0400, 0xC000, 0x7BFF, 0x8000, 0x0000});
  const std::vector<mpq_class> expected = {1,
                                           fraction("1365/4096"),  // 0.333251953125
                                           power_of_two(-24),      // smallest subnormal
                                           1023 * power_of_two(-24),
                                           power_of_two(-14),  // smallest normal
                                           -2,
                                           65504,
                                           0,
                                           0};
  CHECK(values == expected);
  CHECK(values[1] == mpq_class(0.333251953125));
}

TEST_CASE("safetensors: BF16 values are exact") {
  // 0x3EAB: exponent 125 (2^-2), fraction 43: (128 + 43) / 128 / 4 = 171/512.
  // 0x7F7F: exponent 254, fraction 127: 255 * 2^(254 - 127 - 7).
  const std::vector<mpq_class> values =
      values_of("BF16", 2, {0x3F80, 0xC040, 0x3EAB, 0x0001, 0x7F7F, 0x8001});
  const std::vector<mpq_class> expected = {
      1, -3, fraction("171/512"), power_of_two(-133), 255 * power_of_two(120), -power_of_two(-133)};
  CHECK(values == expected);
}

TEST_CASE("safetensors: F32 and F64 values are exact") {
  // 0.1f = 0x3DCCCCCD = 13421773 * 2^-27.
  const std::vector<mpq_class> single =
      values_of("F32", 4, {0x3DCCCCCD, 0xBFC00000, 0x00000001, 0x7F7FFFFF, 0x00800000});
  CHECK(single[0] == fraction("13421773/134217728"));
  CHECK(single[1] == fraction("-3/2"));
  CHECK(single[2] == power_of_two(-149));
  CHECK(single[3] == (power_of_two(24) - 1) * power_of_two(104));
  CHECK(single[4] == power_of_two(-126));

  // 0.1 = 0x3FB999999999999A = 3602879701896397 * 2^-55.
  const std::vector<mpq_class> dual =
      values_of("F64", 8,
                {0x3FB999999999999AULL, 0x0000000000000001ULL, 0x7FEFFFFFFFFFFFFFULL,
                 0xC000000000000000ULL, 0x8000000000000000ULL, 0x3FF0000000000001ULL});
  CHECK(dual[0] == fraction("3602879701896397/36028797018963968"));
  CHECK(dual[1] == power_of_two(-1074));
  CHECK(dual[2] == (power_of_two(53) - 1) * power_of_two(971));
  CHECK(dual[3] == -2);
  CHECK(dual[4] == 0);
  CHECK(dual[5] == 1 + power_of_two(-52));
}

TEST_CASE("safetensors: I8, I32 and I64 values, two's complement") {
  CHECK(values_of("I8", 1, {0x80, 0x7F, 0xFF, 0x00, 0x01}) ==
        std::vector<mpq_class>{-128, 127, -1, 0, 1});
  CHECK(values_of("I32", 4, {0x80000000, 0x7FFFFFFF, 0xFFFFFFFE, 0x00010000}) ==
        std::vector<mpq_class>{fraction("-2147483648"), 2147483647, -2, 65536});
  CHECK(values_of("I64", 8,
                  {0x8000000000000000ULL, 0x7FFFFFFFFFFFFFFFULL, 0x0123456789ABCDEFULL,
                   0xFFFFFFFFFFFFFFFFULL, 0xFFFFFFFF00000000ULL}) ==
        std::vector<mpq_class>{fraction("-9223372036854775808"), fraction("9223372036854775807"),
                               fraction("81985529216486895"), -1, fraction("-4294967296")});
}

TEST_CASE("safetensors: several tensors, header order, shapes, metadata and padding") {
  // Header order differs from data order; a scalar and an empty tensor;
  // trailing spaces pad the header as the reference writer does.
  const std::string header = R"({"__metadata__":{"format":"pt"},)"
                             R"("matrix":{"dtype":"I8","shape":[2,3],"data_offsets":[4,10]},)"
                             R"("scalar":{"dtype":"F32","shape":[],"data_offsets":[0,4]},)"
                             R"("empty":{"dtype":"F64","shape":[0,5],"data_offsets":[10,10]},)"
                             R"("last":{"dtype":"I32","shape":[1],"data_offsets":[10,14]}}    )";
  const std::string data = little_endian(0x40490FDB, 4) +              // F32 3.14159274...
                           elements({1, 2, 3, 0xFC, 0xFD, 0xFE}, 1) +  // 1 2 3 -4 -3 -2
                           little_endian(0xFFFFFF85, 4);               // -123
  FileReader reader;
  const std::vector<Tensor> tensors = reader.read(file_of(header, data));
  REQUIRE(tensors.size() == 4);
  CHECK(tensors[0].name == "matrix");
  CHECK(tensors[0].type == TensorType::i8);
  CHECK(tensors[0].shape == std::vector<std::size_t>{2, 3});
  CHECK(tensors[0].values == std::vector<mpq_class>{1, 2, 3, -4, -3, -2});
  CHECK(tensors[1].name == "scalar");
  CHECK(tensors[1].shape.empty());
  // 0x40490FDB: exponent 128 (2^1), significand 0xC90FDB = 13176795: 13176795 * 2^-22.
  CHECK(tensors[1].values == std::vector<mpq_class>{fraction("13176795/4194304")});
  CHECK(tensors[2].name == "empty");
  CHECK(tensors[2].type == TensorType::f64);
  CHECK(tensors[2].shape == std::vector<std::size_t>{0, 5});
  CHECK(tensors[2].values.empty());
  CHECK(tensors[3].name == "last");
  CHECK(tensors[3].values == std::vector<mpq_class>{-123});
}

TEST_CASE("safetensors: type names and sizes") {
  CHECK(rnncc::io::name_of(TensorType::bf16) == "BF16");
  CHECK(rnncc::io::name_of(TensorType::i64) == "I64");
  CHECK(rnncc::io::size_of(TensorType::f64) == 8);
  CHECK(rnncc::io::size_of(TensorType::bf16) == 2);
  CHECK(rnncc::io::size_of(TensorType::i8) == 1);
}

namespace {

struct MalformedCase {
  std::string description;
  std::string bytes;
  std::string place;     ///< "byte N" or "tensor 'NAME'", right after the file name
  std::string mentions;  ///< a fragment the message must contain
};

/// One F32 tensor "w" of shape [2] at [0, 8]: a valid header to vary.
std::string tensor_entry(const std::string& name, const std::string& dtype,
                         const std::string& shape, const std::string& offsets) {
  return "\"" + name + R"(":{"dtype":)" + dtype + R"(,"shape":)" + shape + R"(,"data_offsets":)" +
         offsets + "}";
}

std::string header_of(const std::vector<std::string>& entries) {
  std::string header = "{";
  for (std::size_t i = 0; i < entries.size(); ++i)
    header += (i > 0 ? "," : "") + entries[i];
  return header + "}";
}

}  // namespace

TEST_CASE("safetensors: malformed files name the byte or the tensor and what was expected") {
  const std::string eight_bytes(8, '\0');
  const std::string w_ok = tensor_entry("w", "\"F32\"", "[2]", "[0,8]");
  const std::string hole_header = header_of({tensor_entry("a", "\"F32\"", "[1]", "[0,4]"),
                                             tensor_entry("b", "\"F32\"", "[1]", "[8,12]")});
  const std::string late_header = header_of({tensor_entry("a", "\"F32\"", "[1]", "[4,8]")});
  const std::string short_header = header_of({tensor_entry("a", "\"F32\"", "[1]", "[0,4]")});
  const std::string nan_header = header_of({tensor_entry("w", "\"F32\"", "[4]", "[0,16]")});
  const std::string inf_header = header_of({tensor_entry("half", "\"F16\"", "[2,2]", "[0,8]")});
  const std::string bf16_header = header_of({tensor_entry("b", "\"BF16\"", "[3]", "[0,6]")});
  const std::string f64_header = header_of({tensor_entry("d", "\"F64\"", "[2]", "[0,16]")});
  const std::string bad_json = R"({"w":x})";

  const std::vector<MalformedCase> cases = {
      {"empty file", "", "byte 0", "8-byte"},
      {"seven bytes", std::string(7, 'a'), "byte 7", "8-byte"},
      {"header length beyond the file", little_endian(100, 8) + "{}", "byte 0",
       "header length of at most 2"},
      {"header length near 2^64", little_endian(0xFFFFFFFFFFFFFFF0ULL, 8) + "{}", "byte 0",
       "header length"},
      {"empty header", file_of("", ""), "byte 8", "JSON"},
      {"header not JSON", file_of(bad_json, ""), "byte 13", "JSON header object"},
      {"truncated JSON", file_of(R"({"w":{"dtype")", ""), "byte", "JSON header object"},
      {"header an array", file_of("[1,2]", ""), "byte 8", "JSON object"},
      {"header a string", file_of(R"("w")", ""), "byte 8", "JSON object"},
      {"repeated name", file_of(header_of({w_ok, w_ok}), eight_bytes), "tensor 'w'", "once"},
      {"entry not an object", file_of(R"({"w":[1,2]})", ""), "tensor 'w'", "an object"},
      {"missing dtype", file_of(R"({"w":{"shape":[2],"data_offsets":[0,8]}})", eight_bytes),
       "tensor 'w'", "\"dtype\""},
      {"missing shape", file_of(R"({"w":{"dtype":"F32","data_offsets":[0,8]}})", eight_bytes),
       "tensor 'w'", "\"shape\""},
      {"missing offsets", file_of(R"({"w":{"dtype":"F32","shape":[2]}})", eight_bytes),
       "tensor 'w'", "\"data_offsets\""},
      {"unknown dtype U8",
       file_of(header_of({tensor_entry("w", "\"U8\"", "[8]", "[0,8]")}), eight_bytes), "tensor 'w'",
       "F64, F32, F16, BF16, I64, I32, I8"},
      {"lower-case dtype",
       file_of(header_of({tensor_entry("w", "\"f32\"", "[2]", "[0,8]")}), eight_bytes),
       "tensor 'w'", "\"f32\""},
      {"numeric dtype", file_of(header_of({tensor_entry("w", "4", "[2]", "[0,8]")}), eight_bytes),
       "tensor 'w'", "dtype"},
      {"shape a number",
       file_of(header_of({tensor_entry("w", "\"F32\"", "2", "[0,8]")}), eight_bytes), "tensor 'w'",
       "non-negative integers"},
      {"negative extent",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[-2]", "[0,8]")}), eight_bytes),
       "tensor 'w'", "[-2]"},
      {"fractional extent",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[2.0]", "[0,8]")}), eight_bytes),
       "tensor 'w'", "non-negative integers"},
      {"string extent",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[\"2\"]", "[0,8]")}), eight_bytes),
       "tensor 'w'", "non-negative integers"},
      {"too few elements for the span",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[3]", "[0,8]")}), eight_bytes),
       "tensor 'w'", "3 elements x 4 bytes"},
      {"too many bytes for the shape",
       file_of(header_of({tensor_entry("w", "\"I8\"", "[2,3]", "[0,8]")}), eight_bytes),
       "tensor 'w'", "spans 8 bytes"},
      {"element count overflows",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[4294967296,4294967296,2]", "[0,8]")}),
               eight_bytes),
       "tensor 'w'", "more than 2^64"},
      {"begin after end",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[0]", "[8,4]")}), eight_bytes),
       "tensor 'w'", "BEGIN <= END <= 8"},
      {"end beyond the data",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[4]", "[0,16]")}), eight_bytes),
       "tensor 'w'", "BEGIN <= END <= 8"},
      {"one offset", file_of(header_of({tensor_entry("w", "\"F32\"", "[2]", "[8]")}), eight_bytes),
       "tensor 'w'", "data_offsets"},
      {"negative offset",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[2]", "[-8,0]")}), eight_bytes),
       "tensor 'w'", "[-8,0]"},
      {"offsets a string",
       file_of(header_of({tensor_entry("w", "\"F32\"", "[2]", "\"0,8\"")}), eight_bytes),
       "tensor 'w'", "data_offsets"},
      {"overlapping tensors",
       file_of(header_of({tensor_entry("a", "\"F32\"", "[2]", "[0,8]"),
                          tensor_entry("b", "\"F32\"", "[2]", "[4,12]")}),
               std::string(12, '\0')),
       "tensor 'b'", "overlaps tensor 'a' [0, 8]"},
      {"same range twice",
       file_of(header_of({tensor_entry("a", "\"F32\"", "[2]", "[0,8]"),
                          tensor_entry("b", "\"I8\"", "[8]", "[0,8]")}),
               eight_bytes),
       "tensor 'b'", "overlaps"},
      {"hole between tensors", file_of(hole_header, std::string(12, '\0')),
       "byte " + std::to_string(data_start(hole_header) + 4), "data bytes 4 to 8"},
      {"data not starting at 0", file_of(late_header, eight_bytes),
       "byte " + std::to_string(data_start(late_header)), "data bytes 0 to 4"},
      {"bytes after the last tensor", file_of(short_header, eight_bytes),
       "byte " + std::to_string(data_start(short_header) + 4), "data bytes 4 to 8"},
      {"F32 NaN", file_of(nan_header, elements({0x3F800000, 0, 0x7FC00000, 0}, 4)),
       "byte " + std::to_string(data_start(nan_header) + 8),
       "tensor 'w': expected a finite number "
       "at flat index 2"},
      {"F16 infinity", file_of(inf_header, elements({0x3C00, 0x3C00, 0x3C00, 0x7C00}, 2)),
       "byte " + std::to_string(data_start(inf_header) + 6), "tensor 'half'"},
      {"BF16 minus infinity", file_of(bf16_header, elements({0x3F80, 0xFF80, 0}, 2)),
       "byte " + std::to_string(data_start(bf16_header) + 2), "flat index 1"},
      {"F64 NaN", file_of(f64_header, elements({0x7FF8000000000000ULL, 0}, 8)),
       "byte " + std::to_string(data_start(f64_header)), "flat index 0"},
  };
  for (const MalformedCase& malformed : cases) {
    CAPTURE(malformed.description);
    FileReader reader;
    const std::string message = reader.error_of(malformed.bytes);
    CAPTURE(message);
    CHECK(message.rfind(reader.path() + ": " + malformed.place, 0) == 0);
    CHECK(message.find(malformed.mentions) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
  }
}

TEST_CASE("safetensors: a tensor name with a newline stays on one line") {
  const std::string header =
      header_of({tensor_entry("a\\nb", "\"Q4\"", "[2]", "[0,8]")});  // JSON "a\nb"
  FileReader reader;
  const std::string message = reader.error_of(file_of(header, std::string(8, '\0')));
  CHECK(message.find("tensor 'a\\x0ab'") != std::string::npos);
  CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("a safetensors header with a number too large for a double is refused naming it") {
  // nlohmann::json throws out_of_range (not parse_error) for 1E400.
  const std::string header = "{\"a\":1E400}";
  FileReader reader;
  const std::string message = reader.error_of(file_of(header, ""));
  CHECK(message ==
        reader.path() +
            ": byte 8: expected a JSON header object whose numbers fit (number overflow parsing "
            "'1E400')");
}

TEST_CASE("a safetensors header nested a million levels deep is refused, not a stack overflow") {
  // The JSON parser recursed once per level: a 2 MB header crashed rnncc.
  const std::size_t levels = 1000000;
  const std::string header = "{\"a\":{\"dtype\":\"F32\",\"shape\":" + std::string(levels, '[') +
                             std::string(levels, ']') + ",\"data_offsets\":[0,0]}}";
  FileReader reader;
  // Levels 1 and 2 are the objects; the shape's first '[' (level 3) is
  // character 28 of the header, its 63rd (level 65) character 90: byte 98.
  CHECK(reader.error_of(file_of(header, "")) ==
        reader.path() + ": byte 98: expected a JSON header nested at most 64 levels deep");
  // Brackets inside strings do not count.
  const std::string names = "{\"" + std::string(100, '[') + "\":{\"dtype\":\"I8\",\"shape\":[1]," +
                            "\"data_offsets\":[0,1]}}";
  CHECK(reader.error_of(file_of(names, std::string(1, '\x05'))) == "<no error>");
}

TEST_CASE("safetensors: a missing file and a directory are refused with their path") {
  rnncc::test::TemporaryDirectory directory;
  for (const auto& path : {directory / "absent.safetensors", directory.path()}) {
    std::string message;
    try {
      (void)read_safetensors_file(path);
    } catch (const rnncc::InputError& error) {
      message = error.what();
    }
    CHECK(message.rfind(path.string() + ": expected a readable", 0) == 0);
  }
}

namespace {

const std::filesystem::path fixture_directory =
    std::filesystem::path(RNNCC_SOURCE_DIR) / "tests" / "fixtures" / "torch";

nlohmann::json fixture_description(const std::string& name) {
  std::ifstream file(fixture_directory / (name + ".json"));
  REQUIRE(file.good());
  return nlohmann::json::parse(file);
}

/// The state_dict names PyTorch gives a recurrent module's parameters.
std::vector<std::string> state_dict_names(int layers) {
  std::vector<std::string> names;
  for (int layer = 0; layer < layers; ++layer) {
    for (const char* kind : {"bias_hh_l", "bias_ih_l", "weight_hh_l", "weight_ih_l"}) {
      names.push_back(kind + std::to_string(layer));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("safetensors: PyTorch fixtures hold the weights their script wrote as decimals") {
  const std::map<std::string, int> gates = {{"RNN", 1}, {"GRU", 3}, {"LSTM", 4}};
  for (const char* name : {"rnn_tanh", "rnn_relu", "gru", "lstm", "lstm_two_layers", "gru_f64",
                           "rnn_tanh_f16", "lstm_bf16"}) {
    const std::string fixture = name;
    CAPTURE(fixture);
    const nlohmann::json description = fixture_description(name);
    const std::vector<Tensor> tensors =
        read_safetensors_file(fixture_directory / (std::string(name) + ".safetensors"));
    const int layers = description["num_layers"].get<int>();
    const std::size_t hidden = description["hidden_size"].get<std::size_t>();
    const std::size_t input = description["input_size"].get<std::size_t>();
    const std::size_t rows = gates.at(description["module"].get<std::string>()) * hidden;

    std::vector<std::string> names;
    for (const Tensor& tensor : tensors)
      names.push_back(tensor.name);
    CHECK(names == state_dict_names(layers));  // the script writes them sorted

    for (const Tensor& tensor : tensors) {
      CAPTURE(tensor.name);
      CHECK(rnncc::io::name_of(tensor.type) == description["weights_dtype"].get<std::string>());
      // Shapes PyTorch documents: weight_ih_l0 is (gates*hidden, input),
      // deeper layers' (gates*hidden, hidden); weight_hh (gates*hidden,
      // hidden); biases (gates*hidden).
      std::vector<std::size_t> shape = {rows};
      if (tensor.name.rfind("weight_ih_l0", 0) == 0) shape.push_back(input);
      if (tensor.name.rfind("weight_hh", 0) == 0 ||
          (tensor.name.rfind("weight_ih", 0) == 0 && tensor.name != "weight_ih_l0")) {
        shape.push_back(hidden);
      }
      CHECK(tensor.shape == shape);
      const nlohmann::json& written = description["weights"][tensor.name];
      CHECK(written["shape"].get<std::vector<std::size_t>>() == tensor.shape);
      const auto decimals = written["values"].get<std::vector<double>>();
      REQUIRE(decimals.size() == tensor.values.size());
      for (std::size_t i = 0; i < decimals.size(); ++i) {
        // The decimals are multiples of 2^-8, exact as doubles; mpq_class(double) is exact.
        CHECK(tensor.values[i] == mpq_class(decimals[i]));
        mpq_class scaled = tensor.values[i] * 256;
        CHECK(scaled.get_den() == 1);
        CHECK(abs(tensor.values[i]) <= 1);
      }
    }
  }
}

TEST_CASE("safetensors: PyTorch fixture weights match the script's printout") {
  // First and last element of some tensors, as printed (k/256) by
  // tools/make_torch_fixtures.py when it wrote the fixtures.
  struct Printed {
    const char* fixture;
    const char* tensor;
    long first;
    long last;
  };
  const std::vector<Printed> printed = {
      {"rnn_tanh", "weight_ih_l0", -77, -110},     {"rnn_tanh", "bias_hh_l0", -28, -40},
      {"rnn_relu", "weight_hh_l0", 21, 127},       {"gru", "weight_hh_l0", -18, -12},
      {"lstm", "weight_ih_l0", 94, -43},           {"lstm_two_layers", "weight_ih_l1", 19, -15},
      {"lstm_two_layers", "bias_hh_l1", -84, -81}, {"gru_f64", "bias_ih_l0", -20, 34},
      {"rnn_tanh_f16", "weight_hh_l0", -34, -127}, {"lstm_bf16", "weight_hh_l0", 84, 123},
  };
  for (const Printed& expected : printed) {
    const std::string fixture = expected.fixture;
    const std::string tensor = expected.tensor;
    CAPTURE(fixture);
    CAPTURE(tensor);
    const std::vector<Tensor> tensors =
        read_safetensors_file(fixture_directory / (std::string(expected.fixture) + ".safetensors"));
    auto found = std::find_if(tensors.begin(), tensors.end(),
                              [&](const Tensor& tensor) { return tensor.name == expected.tensor; });
    REQUIRE(found != tensors.end());
    REQUIRE(!found->values.empty());
    CHECK(found->values.front() == rnncc::test::q(expected.first, 256));
    CHECK(found->values.back() == rnncc::test::q(expected.last, 256));
  }
}

namespace {

using Vector = std::vector<double>;

/// rows x columns matrix (row-major values) times vector, rows [first, first + count).
Vector multiply(const Tensor& matrix, std::size_t first, std::size_t count, const Vector& vector) {
  const std::size_t columns = matrix.shape.at(1);
  Vector result(count, 0.0);
  for (std::size_t row = 0; row < count; ++row) {
    for (std::size_t column = 0; column < columns; ++column) {
      result[row] += matrix.values[(first + row) * columns + column].get_d() * vector.at(column);
    }
  }
  return result;
}

double sigmoid(double value) {
  return 1.0 / (1.0 + std::exp(-value));
}

/// One step of one layer, as PyTorch documents nn.RNN, nn.GRU and nn.LSTM
/// (gate order r, z, n for the GRU and i, f, g, o for the LSTM).
void layer_step(const std::string& module, const std::string& nonlinearity,
                const std::map<std::string, const Tensor*>& weights, int layer, const Vector& input,
                Vector& hidden, Vector& cell) {
  const std::string suffix = "_l" + std::to_string(layer);
  const Tensor& input_weights = *weights.at("weight_ih" + suffix);
  const Tensor& hidden_weights = *weights.at("weight_hh" + suffix);
  const Tensor& input_bias = *weights.at("bias_ih" + suffix);
  const Tensor& hidden_bias = *weights.at("bias_hh" + suffix);
  const std::size_t size = hidden.size();
  // Gate k's pre-activations from the input and from the hidden state.
  auto from_input = [&](std::size_t gate) {
    Vector result = multiply(input_weights, gate * size, size, input);
    for (std::size_t i = 0; i < size; ++i)
      result[i] += input_bias.values[gate * size + i].get_d();
    return result;
  };
  auto from_hidden = [&](std::size_t gate) {
    Vector result = multiply(hidden_weights, gate * size, size, hidden);
    for (std::size_t i = 0; i < size; ++i)
      result[i] += hidden_bias.values[gate * size + i].get_d();
    return result;
  };
  Vector next(size);
  if (module == "RNN") {
    const Vector a = from_input(0), b = from_hidden(0);
    for (std::size_t i = 0; i < size; ++i) {
      next[i] = nonlinearity == "tanh" ? std::tanh(a[i] + b[i]) : std::max(0.0, a[i] + b[i]);
    }
  } else if (module == "GRU") {
    const Vector ir = from_input(0), iz = from_input(1), in = from_input(2);
    const Vector hr = from_hidden(0), hz = from_hidden(1), hn = from_hidden(2);
    for (std::size_t i = 0; i < size; ++i) {
      const double reset = sigmoid(ir[i] + hr[i]);
      const double update = sigmoid(iz[i] + hz[i]);
      const double candidate = std::tanh(in[i] + reset * hn[i]);
      next[i] = (1 - update) * candidate + update * hidden[i];
    }
  } else {
    Vector gates[4];
    for (std::size_t gate = 0; gate < 4; ++gate) {
      gates[gate] = from_input(gate);
      const Vector recurrent = from_hidden(gate);
      for (std::size_t i = 0; i < size; ++i)
        gates[gate][i] += recurrent[i];
    }
    for (std::size_t i = 0; i < size; ++i) {
      cell[i] = sigmoid(gates[1][i]) * cell[i] + sigmoid(gates[0][i]) * std::tanh(gates[2][i]);
      next[i] = sigmoid(gates[3][i]) * std::tanh(cell[i]);
    }
  }
  hidden = next;
}

}  // namespace

TEST_CASE("safetensors: PyTorch fixtures' outputs follow PyTorch's documented equations") {
  // Checks the fixtures' conventions (gate order, last layer's h and c at
  // every step, zero initial state) with the weights as this reader decodes
  // them, in double precision against the float64 outputs PyTorch computed.
  for (const char* name : {"rnn_tanh", "rnn_relu", "gru", "lstm", "lstm_two_layers", "gru_f64",
                           "rnn_tanh_f16", "lstm_bf16"}) {
    const std::string fixture = name;
    CAPTURE(fixture);
    const nlohmann::json description = fixture_description(name);
    const std::vector<Tensor> tensors =
        read_safetensors_file(fixture_directory / (std::string(name) + ".safetensors"));
    std::map<std::string, const Tensor*> weights;
    for (const Tensor& tensor : tensors)
      weights[tensor.name] = &tensor;
    const auto module = description["module"].get<std::string>();
    const std::string nonlinearity =
        description["nonlinearity"].is_null() ? "" : description["nonlinearity"].get<std::string>();
    const int layers = description["num_layers"].get<int>();
    const auto hidden_size = description["hidden_size"].get<std::size_t>();
    const auto inputs = description["inputs"].get<std::vector<Vector>>();
    const auto outputs = description["outputs"].get<std::vector<Vector>>();
    REQUIRE(inputs.size() == 6);
    REQUIRE(outputs.size() == inputs.size());
    std::vector<Vector> hidden(layers, Vector(hidden_size, 0.0));
    std::vector<Vector> cell(layers, Vector(hidden_size, 0.0));
    for (std::size_t step = 0; step < inputs.size(); ++step) {
      CAPTURE(step);
      for (int layer = 0; layer < layers; ++layer) {
        const Vector& input = layer == 0 ? inputs[step] : hidden[layer - 1];
        layer_step(module, nonlinearity, weights, layer, input, hidden[layer], cell[layer]);
      }
      for (std::size_t i = 0; i < hidden_size; ++i) {
        CHECK(std::abs(hidden.back()[i] - outputs[step].at(i)) < 1e-12);
        if (module == "LSTM") {
          CHECK(std::abs(cell.back()[i] - description["cell"][step][i].get<double>()) < 1e-12);
        }
      }
    }
  }
}

TEST_CASE("safetensors: the element limit is checked before any element is decoded") {
  // Four F16 elements, the first an infinity: decoding would refuse it, but
  // with a limit of three the count is refused first, naming the limit.
  const std::string header = header_of({tensor_entry("half", "\"F16\"", "[2,2]", "[0,8]")});
  const std::string file = file_of(header, elements({0x7C00, 0x3C00, 0x3C00, 0x3C00}, 2));
  rnncc::SizeLimits& limits = rnncc::size_limits();
  const rnncc::SizeLimits saved = limits;
  limits.max_weight_count = 3;
  std::string message;
  try {
    (void)rnncc::io::parse_safetensors(file, "w.safetensors");
  } catch (const rnncc::LimitError& error) {
    message = error.what();
  }
  limits = saved;
  CHECK(message ==
        "w.safetensors: tensor 'half' brings the file to 4 or more elements; at most 3 are "
        "allowed, each an exact rational (raise it with --max-weights)");
  // Under the default limit the same file gets as far as decoding.
  std::string decoding;
  try {
    (void)rnncc::io::parse_safetensors(file, "w.safetensors");
  } catch (const rnncc::InputError& error) {
    decoding = error.what();
  }
  CHECK(decoding.find("expected a finite number") != std::string::npos);
}
