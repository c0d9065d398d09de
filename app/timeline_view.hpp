#pragma once
/// \file timeline_view.hpp
/// The timeline page's view of a nominal run read straight from the engine's Result, without
/// the result.json tree (issue 18): the same TimelineData that reports::read_timeline_data()
/// reads from that run's result.json (times rounded to 3 decimals as result.json has them),
/// so that the page is byte for byte the one `drsim report` makes from the file
/// (test/cli/outputs_direct.sh checks it).

#include "reports/html_data.hpp"
#include "simulator/result.hpp"

namespace drsim {

/// The view of r that read_timeline_data(to_json(r)) gives.
reports::TimelineData timeline_data(const Result& r);

}  // namespace drsim
