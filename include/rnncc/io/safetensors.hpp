// safetensors files (the format PyTorch and Hugging Face use for weights):
// read every tensor with the exact rational value of each element.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace rnncc::io {

/// The element types rnncc reads: IEEE binary64/32/16, bfloat16, and
/// two's-complement signed integers.
enum class TensorType { f64, f32, f16, bf16, i64, i32, i8 };

/// One tensor: its name, stored element type, shape (row-major) and the exact
/// value of every element.
struct Tensor {
  std::string name;
  TensorType type;
  std::vector<std::size_t> shape;
  std::vector<mpq_class> values;  ///< shape's product many, row-major
};

/// Reads a safetensors file: 8-byte little-endian header length N, N bytes
/// of JSON header (an object: tensor name -> {"dtype", "shape",
/// "data_offsets": [begin, end]}; an optional "__metadata__" entry is
/// ignored), then the raw little-endian data, offsets counted from its start.
/// Floats become their exact rational value (every finite binary float is a
/// dyadic rational; no float arithmetic is involved), integers their value.
/// Tensors are returned in the order the header lists them.
/// Throws InputError with one line "FILE: byte N: expected ..." or
/// "FILE: tensor 'NAME': expected ..." for: a file shorter than 8 bytes, a
/// header length beyond the file, a header that is not a JSON object, a
/// repeated tensor name, an unknown dtype, a shape that is not a list of
/// non-negative integers, element count x element size different from the
/// data_offsets span, offsets out of range, overlapping or leaving bytes of
/// the data uncovered, and NaN or infinite elements (naming the tensor, the
/// flat index and the byte). Sizes are checked against the file's size
/// before anything is allocated.
std::vector<Tensor> read_safetensors_file(const std::filesystem::path& path);

/// The same for the bytes of a whole file held in memory; `source` names
/// it in error messages.
std::vector<Tensor> parse_safetensors(std::string_view bytes, std::string_view source);

/// The safetensors spelling of a type: "F64", "F32", "F16", "BF16", "I64",
/// "I32", "I8".
std::string_view name_of(TensorType type);

/// Bytes per element of a type.
std::size_t size_of(TensorType type);

}  // namespace rnncc::io
