#pragma once
/// \file sweep_outputs.hpp
/// The files of a finished sweep (DIR/sweep.json, sweep.csv, sweep.html), written the same way
/// by a single-machine sweep and by `--merge`, so both give byte-identical files; and the shard
/// files (DIR/shard-K-of-N.json) that `--merge` reads.

#include <filesystem>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace drsim {

/// Writes sweep.json, sweep.csv and sweep.html into dir from the header and each point's
/// record and result (dir/points/<id>/result.json). Throws std::runtime_error naming a file.
void write_sweep_outputs(const std::filesystem::path& dir, const nlohmann::json& header,
                         const std::vector<nlohmann::json>& records);

/// The name of shard k of n's file: "shard-2-of-4.json".
std::string shard_file_name(int k, int n);

}  // namespace drsim
