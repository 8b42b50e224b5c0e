#include "core/import/AriaStreamIds.h"

namespace tacit::aria {

std::string streamLabel(vrs::StreamId id) {
  switch (id.typeId) {
  case 211: return "camera-et";
  case 214: return "camera-rgb";
  case 231: return "mic";
  case 247: return "baro";
  case 281: return id.instanceId == 2 ? "gps-app" : "gps";
  case 282: return "wps";
  case 283: return "bluetooth";
  case 285: return "time-domain-mapping";
  case 1201: return id.instanceId == 1 ? "camera-slam-left" : id.instanceId == 2 ? "camera-slam-right" : "camera-slam";
  case 1202: return id.instanceId == 1 ? "imu-right" : id.instanceId == 2 ? "imu-left" : "imu";
  case 1203: return "mag";
  default: return {};
  }
}

std::string streamKind(vrs::StreamId id) {
  switch (id.typeId) {
  case 211:
  case 214:
  case 1201: return "image";
  case 231: return "audio";
  case 247: return "barometer";
  case 281: return "gps";
  case 282: return "wifi";
  case 283: return "bluetooth";
  case 285: return "time_domain";
  case 1202: return "imu";
  case 1203: return "magnetometer";
  default: return "unknown";
  }
}

} // namespace tacit::aria
