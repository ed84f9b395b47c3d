// Helpers the constructions share.
#pragma once

#include <memory>

#include "rnncc/experiment/construction.hpp"
#include "rnncc/io/model_writer.hpp"

namespace rnncc::experiment::constructions {

/// A tensor of `shape` filled with zeros.
io::TensorText zeros(std::vector<std::size_t> shape);

/// Factories (one source file each).
std::unique_ptr<Construction> make_s5_construction();
std::unique_ptr<Construction> make_imm_dense_construction();
std::unique_ptr<Construction> make_counter_machine_construction();
std::unique_ptr<Construction> make_connectivity_construction();
std::unique_ptr<Construction> make_parity_construction();
std::unique_ptr<Construction> make_transvection_construction();
std::unique_ptr<Construction> make_dwfa_construction();
std::unique_ptr<Construction> make_wfa_rwkv7_construction();
std::unique_ptr<Construction> make_imm_rwkv7_construction();
std::unique_ptr<Construction> make_stack_machine_construction();

}  // namespace rnncc::experiment::constructions
