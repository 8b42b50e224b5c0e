#pragma once
// Project Aria stream ids inside VRS (FORMATS §1.12, §2.3): recordable type id -> sensor label.
#include <string>

#include "core/import/VrsTypes.h"

namespace tacit::aria {

constexpr vrs::StreamId kRgbStream{214, 1};
constexpr vrs::StreamId kImuRightStream{1202, 1}; // 1 kHz
constexpr vrs::StreamId kImuLeftStream{1202, 2};  // 800 Hz

// "camera-rgb", "camera-slam-left", "imu-right", ...; empty for ids Aria Gen1 does not use.
std::string streamLabel(vrs::StreamId id);
// "image", "imu", "audio", ... ; "unknown" for unknown type ids (e.g. new Gen2 streams).
std::string streamKind(vrs::StreamId id);

} // namespace tacit::aria
