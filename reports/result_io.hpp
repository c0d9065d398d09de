#pragma once
/// \file result_io.hpp
/// Reading and writing result documents for the reports. Reports work on the JSON of a
/// result (docs/result-format.md), so `drsim report` and `drsim compare` run on saved files.

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace drsim::reports {

/// A result file that cannot be used: unreadable, not JSON, or not a drsim result.
struct ResultFileError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Reads path and checks it is a drsim result (drsim_version, systems, recovery ...).
/// Throws ResultFileError naming the file and what is missing.
nlohmann::json load_result(const std::string& path);

/// Writes text to path atomically: a temporary file beside it, then rename. Creates the
/// parent directory. Throws std::runtime_error naming the file on failure.
void write_file_atomic(const std::string& path, const std::string& text);

/// Escapes text for HTML element content and attribute values.
std::string html_escape(const std::string& text);

}  // namespace drsim::reports
