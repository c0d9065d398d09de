#include "simulator/result_writer_parts.hpp"

// The attribution members of result.json: systems' accounts, critical_path and rto_drivers.

namespace drsim::result_text {

void Writer::account(const std::vector<attribution::AccountEntry>& entries, double until) {
  w_.begin_object();
  w_.key("causes"), w_.begin_array();
  for (const auto& e : entries) {
    w_.begin_object();
    w_.key("cause"), w_.value(attribution::to_string(e.cause));
    w_.key("class"), w_.value(attribution::to_string(e.cls));
    w_.key("detail"), w_.text_or_null(e.detail);
    w_.key("resource"), w_.text_or_null(e.resource);
    w_.key("s"), w_.value(r3(e.seconds));
    w_.end_object();
  }
  w_.end_array();
  w_.key("until_at"), w_.value(at(until));
  w_.key("until_s"), w_.value(r3(until));
  w_.end_object();
}

void Writer::critical_path() {
  w_.begin_array();
  for (const auto& p : r_.attribution->path) {
    const attribution::Segment& s = p.segment;
    w_.begin_object();
    w_.key("cause"), w_.value(attribution::to_string(s.cause));
    w_.key("class"), w_.value(attribution::to_string(s.cls));
    w_.key("detail"), w_.text_or_null(s.detail);
    w_.key("end_at"), w_.value(at(s.end));
    w_.key("end_s"), w_.value(r3(s.end));
    w_.key("resource"), w_.text_or_null(s.resource);
    w_.key("start_at"), w_.value(at(s.start));
    w_.key("start_s"), w_.value(r3(s.start));
    w_.key("system"), w_.value(p.system);
    w_.end_object();
  }
  w_.end_array();
}

void Writer::rto_drivers() {
  const attribution::RtoMoment& m = r_.attribution->moment;
  const attribution::RtoDrivers& d = r_.attribution->drivers;
  w_.begin_object();
  w_.key("by_class"), w_.begin_array();
  for (const auto& c : d.by_class) {
    w_.begin_object();
    w_.key("class"), w_.value(attribution::to_string(c.cls));
    w_.key("label"), w_.value(attribution::class_label(c.cls));
    w_.key("s"), w_.value(r3(c.seconds));
    w_.end_object();
  }
  w_.end_array();
  w_.key("from");
  if (m.system.empty()) {
    w_.null();
  } else {
    w_.begin_object();
    w_.key("all_critical_up"), w_.value(m.met);
    w_.key("at"), w_.value(at(m.t));
    w_.key("system"), w_.value(m.system);
    w_.key("t_s"), w_.value(r3(m.t));
    w_.end_object();
  }
  w_.key("summary"), w_.value(d.summary);
  w_.key("top"), w_.begin_array();
  for (const auto& t : d.top) {
    w_.begin_object();
    w_.key("class"), w_.value(attribution::to_string(t.cls));
    w_.key("resource"), w_.value(t.resource);
    w_.key("s"), w_.value(r3(t.seconds));
    w_.end_object();
  }
  w_.end_array();
  w_.end_object();
}

}  // namespace drsim::result_text
