#pragma once
/// \file cli_suggest.hpp
/// Forgiving command lines: the closest valid word to a mistyped one ("did you mean `run`?").

#include <optional>
#include <string>
#include <vector>

namespace drsim {

/// Edit distance (insertions, deletions, substitutions and swaps of neighbours count 1).
std::size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate closest to `word` when it is close enough to be a plausible typo (at most
/// a third of the word's letters wrong, or `word` is a prefix of exactly one candidate).
std::optional<std::string> closest_word(const std::string& word,
                                        const std::vector<std::string>& candidates);

/// " (did you mean `X`?)" or "" when nothing is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace drsim
