#include "app/cli_suggest.hpp"

#include <algorithm>

namespace drsim {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  // Optimal string alignment distance, three rows.
  std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[b.size()];
}

std::optional<std::string> closest_word(const std::string& word,
                                        const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_d = 0;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(word, c);
    if (!best || d < best_d) {
      best = c;
      best_d = d;
    }
  }
  std::size_t letters = std::max(word.size(), best ? best->size() : 0);
  if (best && best_d <= std::max<std::size_t>(1, letters / 3)) return best;
  // "--outdir" for "--out", "rep" for "report": one candidate starts the other
  auto core = [](const std::string& s) {
    return s.substr(s.find_first_not_of('-') == std::string::npos ? 0 : s.find_first_not_of('-'));
  };
  std::vector<std::string> prefixed;
  for (const auto& c : candidates) {
    std::string w = core(word), k = core(c);
    if (std::min(w.size(), k.size()) >= 2 && (k.rfind(w, 0) == 0 || w.rfind(k, 0) == 0))
      prefixed.push_back(c);
  }
  if (prefixed.size() == 1) return prefixed.front();
  return std::nullopt;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  auto c = closest_word(word, candidates);
  return c ? " (did you mean `" + *c + "`?)" : "";
}

}  // namespace drsim
