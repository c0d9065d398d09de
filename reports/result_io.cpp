#include "reports/result_io.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace drsim::reports {

nlohmann::json load_result(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ResultFileError(path + ": cannot read the file");
  std::stringstream buf;
  buf << in.rdbuf();
  nlohmann::json doc = nlohmann::json::parse(buf.str(), nullptr, false);
  if (doc.is_discarded()) throw ResultFileError(path + ": not JSON; expected a drsim result.json");
  if (!doc.is_object())
    throw ResultFileError(path + ": not a JSON object; expected a drsim result.json");
  for (const char* key : {"drsim_version", "systems", "recovery", "findings", "milestones"}) {
    if (!doc.contains(key))
      throw ResultFileError(path + ": /" + key + " is missing; expected a drsim result.json");
  }
  if (!doc["drsim_version"].is_string())
    throw ResultFileError(path + ": /drsim_version: expected a version string");
  if (!doc["systems"].is_array()) throw ResultFileError(path + ": /systems: expected an array");
  if (!doc["recovery"].is_object()) throw ResultFileError(path + ": /recovery: expected an object");
  return doc;
}

void write_file_atomic(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  fs::path tmp = target;
  tmp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error(path + ": cannot write (" + tmp.string() + ")");
    out << text;
    out.flush();
    if (!out) {
      out.close();
      fs::remove(tmp, ec);
      throw std::runtime_error(path + ": write failed");
    }
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw std::runtime_error(path + ": cannot rename the temporary file into place");
  }
}

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace drsim::reports
