// Reading model files (TOML, documented in docs/model-spec.md).
#pragma once

#include <filesystem>
#include <optional>

#include "rnncc/arith/format.hpp"
#include "rnncc/model/model.hpp"

namespace rnncc::io {

/// Reads the model file at `path`, with weights inline, from a safetensors
/// file or drawn from a seed, and converts every weight into the model's
/// format (`format_override` replaces the file's `format`). Throws
/// InputError with one line naming the file, the line (or tensor) and what
/// was expected: unknown keys or families, wrong shapes, missing or unknown
/// weights, NaN, a weight the format cannot hold, an activation the format
/// cannot compute.
model::Model read_model_file(const std::filesystem::path& path,
                             const std::optional<arith::Format>& format_override = std::nullopt);

/// The seeded generator of docs/model-spec.md: splitmix64 seeded with
/// seed + fnv1a64(tensor name), each element k / denominator with k uniform
/// in [low·denominator, high·denominator] by rejection sampling. Exposed so
/// tests can check the documented distribution.
std::vector<mpq_class> random_tensor_values(std::uint64_t seed, std::string_view tensor_name,
                                            std::size_t count, const mpz_class& low_numerator,
                                            const mpz_class& high_numerator,
                                            const mpz_class& denominator);

}  // namespace rnncc::io
