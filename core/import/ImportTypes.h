#pragma once
// Shared by the importers (DESIGN §3.5): config in, Result{value, warnings, error} out, a progress
// callback that can cancel.
#include <functional>
#include <string>

namespace tacit::import {

// fraction in [0,1]; return false to cancel (the import then fails with "cancelled").
using Progress = std::function<bool(double fraction, const std::string &stage)>;

inline bool report(const Progress &p, double fraction, const std::string &stage) {
  return !p || p(fraction, stage);
}

} // namespace tacit::import
