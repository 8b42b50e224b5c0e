#pragma once
// A small project for the labels and taxonomy harnesses: one recording (uuid kFuzzRecordingUuid,
// the one the seed files in fuzz/seeds name) holding kTemplateLabels (fuzz/seeds/labels_json: a
// taxonomy, two segments, two flags, a review). Every input runs on a fresh copy of it, so a run
// never depends on the inputs before it.
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/project/LabelsInterchange.h"
#include "core/project/ProjectStore.h"
#include "fuzz/FuzzSupport.h"

namespace tacit::fuzz {

inline constexpr const char *kFuzzRecordingUuid = "fuzz-rec-0001";

inline constexpr const char *kTemplateLabels =
    R"JSON({"format":"tacit-labels","version":1,"tracks":[{"name":"task","allow_overlap":false},{"name":"step","allow_overlap":false}],"taxonomy":[{"name":"task","colour":"#4caf50","key":1,"description":"the demonstrated task","children":[{"name":"pick","colour":"#2196f3","key":2,"description":""},{"name":"place","colour":"#808080","key":3,"description":"","children":[{"name":"shelf","colour":"#808080","key":0,"description":""}]}]},{"name":"idle","colour":"#9e9e9e","key":0,"description":""}],"recordings":[{"id":"fuzz-rec-0001","path":"rec","review":{"status":"rejected","history":[{"status":"rejected","reason":"blurry","author":"root","at_ms":1796234207599}]},"segments":[{"track":"task","label":"task/pick","start_ns":100000000,"end_ns":400000000,"note":"first grasp","author":"ann","created_at_ms":1796234207000,"modified_at_ms":1796234207000},{"track":"step","label":"task/place/shelf","start_ns":400000000,"end_ns":900000000,"note":"","author":"ann","created_at_ms":1796234207001,"modified_at_ms":1796234207002}],"flags":[{"reason":"motion_blur","severity":2,"start_ns":200000000,"end_ns":300000000,"note":"fast turn","author":"","created_at_ms":0,"modified_at_ms":0},{"reason":"tracking_lost","severity":4,"start_ns":null,"end_ns":null,"note":"whole recording","author":"","created_at_ms":0,"modified_at_ms":0}]}]})JSON";

inline const std::filesystem::path &templateProject() {
  static const std::filesystem::path path = [] {
    const auto rec = scratchDir() / "rec";
    std::filesystem::create_directories(rec);
    std::ofstream(rec / "recording.json")
        << R"({"format":"tacit-recording","version":1,"id":")" << kFuzzRecordingUuid
        << R"(","task":"pick","worker":{"id":"w1","name":"W"},"streams":[{"id":"imu","kind":"imu","path":"imu.csv"}]})";
    std::ofstream(rec / "imu.csv") << "timestamp_ns,accel_x,accel_y,accel_z,gyro_x,gyro_y,gyro_z\n"
                                   << "0,0,0,9.8,0,0,0\n1000000000,0,0,9.8,0,0,0\n";
    const auto p = scratchDir() / "template.tacit";
    auto store = project::ProjectStore::create(p);
    if (!store || !(*store)->addRecording(rec) ||
        !project::importLabels(**store, kTemplateLabels, "template.json", true, project::LabelsFormat::Json)) {
      std::fprintf(stderr, "fuzz: cannot build the template project\n");
      std::abort();
    }
    return p;
  }();
  return path;
}

// A fresh writable copy of the template, opened.
inline std::unique_ptr<project::ProjectStore> freshProject() {
  const auto work = scratchDir() / "work.tacit";
  std::error_code ec;
  std::filesystem::remove(work, ec);
  std::filesystem::copy_file(templateProject(), work);
  auto store = project::ProjectStore::open(work);
  if (!store || (*store)->isReadOnly()) {
    std::fprintf(stderr, "fuzz: cannot open the project copy\n");
    std::abort();
  }
  return std::move(*store);
}

} // namespace tacit::fuzz
