#include "rnncc/experiment/circuit_cache.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <system_error>

#include "rnncc/common/error.hpp"
#include "rnncc/compile/circuit_description.hpp"
#include "rnncc/io/aiger.hpp"
#include "rnncc/io/arith_file.hpp"
#include "rnncc/word/bit_vector.hpp"

namespace rnncc::experiment {

namespace {

/// FNV-1a over `text` from `basis` (two bases give 128 bits).
std::uint64_t fnv1a(std::string_view text, std::uint64_t basis) {
  std::uint64_t hash = basis;
  for (unsigned char byte : text) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string cache_key(const model::Model& model, const compile::CompileOptions& options,
                      const arith::Circuit& arithmetic) {
  std::string text = io::format_arith(arithmetic);
  text += fmt::format("\nrnncc {}\nmodel {}\n", RNNCC_VERSION, model.name);
  for (const std::string& symbol : model.input.alphabet)
    text += fmt::format("symbol {}\n", symbol);
  text += fmt::format(
      "schedule {}\nprefix {}\nadder {}\nmultiplier {}\nall {}\nreassociate {}\nlowering {}\n",
      compile::to_string(options.schedule), word::name_of(options.prefix),
      word::name_of(options.arithmetic.adder), word::name_of(options.arithmetic.multiplier),
      options.all_outputs, options.reassociate, arith::name_of(options.exact_lowering));
  return fmt::format("{:016x}{:016x}", fnv1a(text, 0xcbf29ce484222325ULL),
                     fnv1a(text, 0x84222325cbf29ce4ULL));
}

/// The cached circuit at `path` when it describes `model` at `options`.
std::optional<arith::LoweredCircuit> read_cached(const std::filesystem::path& path,
                                                 const model::Model& model,
                                                 const compile::CompileOptions& options) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  try {
    arith::LoweredCircuit lowered;
    lowered.aig = io::read_aiger_file(path);
    const compile::CircuitDescription description =
        compile::read_description(lowered.aig, path.string());
    if (description.model_name != model.name || description.length != options.length ||
        description.all_outputs != options.all_outputs || description.format != model.format) {
      return std::nullopt;
    }
    lowered.inputs = description.inputs;
    lowered.outputs = description.outputs;
    return lowered;
  } catch (const InputError&) {
    return std::nullopt;  // a damaged file is compiled again and replaced
  }
}

}  // namespace

std::optional<std::filesystem::path> default_cache_directory() {
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache != nullptr && *cache != '\0')
    return std::filesystem::path(cache) / "rnncc";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::filesystem::path(home) / ".cache" / "rnncc";
  return std::nullopt;
}

CachedCircuit compile_with_cache(const model::Model& model, const compile::CompileOptions& options,
                                 const std::optional<std::filesystem::path>& directory) {
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  CachedCircuit result;
  if (!directory || options.schedule.kind == compile::ScheduleKind::table) {
    result.lowered = compile::compile(model, options).lowered;
    result.compile_seconds = seconds();
    return result;
  }
  compile::check_options(model, options);
  std::string composition;
  arith::Circuit arithmetic = compile::build_arithmetic_circuit(model, options, &composition);
  const std::filesystem::path path = *directory / (cache_key(model, options, arithmetic) + ".aig");
  if (std::optional<arith::LoweredCircuit> cached = read_cached(path, model, options)) {
    result.lowered = std::move(*cached);
    result.from_cache = true;
    result.compile_seconds = seconds();
    return result;
  }
  result.lowered = compile::lower_arithmetic_circuit(model, options, std::move(arithmetic),
                                                     std::move(composition))
                       .lowered;
  std::error_code error;
  std::filesystem::create_directories(*directory, error);
  if (error) {
    throw InputError(fmt::format("{}: cannot create the circuit cache directory: {}",
                                 directory->string(), error.message()));
  }
  io::write_aiger_file(result.lowered.aig, path, io::AigerFormat::binary);
  result.compile_seconds = seconds();
  return result;
}

}  // namespace rnncc::experiment
