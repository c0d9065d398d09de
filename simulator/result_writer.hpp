#pragma once
/// \file result_writer.hpp
/// result.json's text written straight from the Result, without building the JSON tree of
/// to_json() first (issue 18: the tree and its dump were a fifth of the outputs' cost at 5,000
/// guests). The text is byte for byte to_json(r) (plus `extra`) dumped compact or with
/// indent 2; test/engine checks that on awkward Results.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "simulator/result.hpp"

namespace drsim {

/// The result.json text of r, ending in a newline: to_json(r) with extra's members merged in
/// (e.g. "cost"; keys the result has already are not allowed), compact or indented by 2.
std::string result_json_text(const Result& r, bool pretty,
                             const nlohmann::json& extra = nlohmann::json::object());

/// Where write_result_json() hands its text, piece by piece.
using ResultSink = std::function<void(std::string_view)>;

/// The same text, handed to `sink` in pieces of about 1 MiB as it is made, so that no whole
/// copy is held (issue 18: at 20,000 guests the text is ~40 MB, ~2 KiB per guest of the peak).
void write_result_json(const Result& r, bool pretty, const nlohmann::json& extra,
                       const ResultSink& sink);

}  // namespace drsim
