#include "models/sweep_file.hpp"

namespace drsim {
namespace {

using nlohmann::json;

void parse_axis(const json& v, const std::string& ptr, Diagnostics& d, SweepFile& out) {
  if (v.is_string()) {
    std::string error;
    if (auto axis = parse_vary(v.get<std::string>(), error))
      out.axes.push_back(*axis);
    else
      d.add(ptr, error, "\"/pointer=V1,V2\" or \"/pointer=A..B\"");
    return;
  }
  size_t before = d.errors().size();
  ObjectReader r(v, ptr, d, {"pointer", "values"});
  if (!r.ok()) return;
  SweepAxis axis;
  r.string("pointer", axis.pointer, Need::Required);
  const json* values = r.child("values");
  if (values == nullptr || !values->is_array() || values->empty())
    d.add(r.ptr("values"), values == nullptr ? "is missing" : "wrong type or empty",
          "a non-empty array of the values this pointer takes");
  else
    axis.values.assign(values->begin(), values->end());
  if (!axis.pointer.empty() && axis.pointer[0] != '/')
    d.add(r.ptr("pointer"), "does not start with '/'", "a JSON Pointer into the scenario");
  if (d.errors().size() == before) out.axes.push_back(axis);
}

void parse_option(const json& v, const std::string& ptr, Diagnostics& d, SweepFile& out) {
  ObjectReader r(v, ptr, d, {"name", "file", "patch"});
  if (!r.ok()) return;
  SweepFileOption o;
  o.pointer = ptr;
  r.string("name", o.name, Need::Required);
  r.string("file", o.file);
  if (const json* p = r.child("patch")) o.patch = *p;
  if (r.has("file") == r.has("patch"))
    d.add(ptr,
          r.has("file") ? "has both \"file\" and \"patch\"" : "has neither \"file\" nor \"patch\"",
          "exactly one: a merge patch file or an inline patch object");
  std::string problem = check_option(SweepOption{o.name.empty() ? "x" : o.name, o.patch});
  if (!problem.empty()) d.add(r.ptr(r.has("patch") ? "patch" : "name"), problem);
  out.options.push_back(o);
}

}  // namespace

bool is_sweep_file(const json& doc) {
  return doc.is_object() && doc.contains("sweep_version");
}

SweepFile parse_sweep_file(const json& doc, Diagnostics& d) {
  SweepFile f;
  ObjectReader r(doc, "", d,
                 {"sweep_version", "scenario", "set", "vary", "options", "seed", "replications",
                  "description"});
  if (!r.ok()) return f;
  int version = 0;
  r.integer("sweep_version", version, Bounds{1, 1}, Need::Required);
  r.string("scenario", f.scenario, Need::Required);
  r.strings("set", f.sets);
  for_each_element(r, "vary", [&](const json& e, const std::string& p) { parse_axis(e, p, d, f); });
  for_each_element(r, "options",
                   [&](const json& e, const std::string& p) { parse_option(e, p, d, f); });
  if (const json* s = r.child("seed")) {
    if (s->is_number_integer() && s->get<long long>() >= 0)
      f.seed = s->get<unsigned long long>();
    else
      d.add(r.ptr("seed"), "wrong type", "a non-negative integer");
  }
  r.integer("replications", f.replications, Bounds{1, 100000});
  return f;
}

}  // namespace drsim
