#pragma once
// Recording time: the one time scale users see, in every view and text (GUI, CLI, export reasons):
// time since the recording's first sample, "mm:ss.mmm" ("h:mm:ss.mmm" past an hour), negative values
// with a leading "-". widgets' formatClock is this function for QString.
#include <string>

#include "core/time/Timestamp.h"

namespace tacit {

std::string formatRecordingTime(Timestamp relativeNs);

} // namespace tacit
