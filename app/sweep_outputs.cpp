#include "app/sweep_outputs.hpp"

#include <nlohmann/json.hpp>

#include "app/output_files.hpp"
#include "reports/result_io.hpp"
#include "reports/sweep_table.hpp"

namespace drsim {

void write_sweep_outputs(const std::filesystem::path& dir, const nlohmann::json& header,
                         const std::vector<nlohmann::json>& records) {
  std::vector<nlohmann::json> rows;
  rows.reserve(records.size());
  for (const auto& rec : records) {
    auto path = dir / "points" / rec.at("id").get<std::string>() / "result.json";
    rows.push_back(reports::sweep_row(reports::load_result(path.string()), rec));
  }
  nlohmann::json doc = reports::sweep_document(header, std::move(rows));
  drsim::write_file_atomic((dir / "sweep.csv").string(), reports::render_sweep_csv(doc));
  drsim::write_file_atomic((dir / "sweep.html").string(), reports::render_sweep_html(doc));
  drsim::write_file_atomic((dir / "sweep.json").string(), doc.dump(2) + "\n");
}

std::string shard_file_name(int k, int n) {
  return "shard-" + std::to_string(k) + "-of-" + std::to_string(n) + ".json";
}

}  // namespace drsim
