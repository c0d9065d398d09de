#pragma once
/// \file result_io.hpp
/// Reading result documents for the reports. Reports work on the JSON of a
/// result (docs/result-format.md), so `drsim report` and `drsim compare` run on saved files.

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <stdexcept>
#include <string>

namespace drsim::reports {

/// A result file that cannot be used: unreadable, not JSON, or not a drsim result.
struct ResultFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Largest result file read: 256 MiB (a 5,000-guest result is about 20 MiB).
inline constexpr std::size_t kMaxResultBytes = std::size_t{256} << 20;

/// Reads path (a regular file, at most kMaxResultBytes, the cap enforced while reading) and
/// checks it is a drsim result (drsim_version, systems, recovery ...). Throws ResultFileError
/// naming the file and what is wrong (with line and column for text that is not JSON).
nlohmann::json load_result(const std::string& path);

/// The same checks on text already in memory; file names it in messages.
nlohmann::json parse_result_text(const std::string& text, const std::string& file);

}  // namespace drsim::reports
