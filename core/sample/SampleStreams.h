#pragma once
// Text streams of the synthetic recording: imu.csv, trajectory.csv (Aria closed-loop columns),
// hands.csv (Aria hand_tracking_results v2 columns), gaze.csv (Aria general_eye_gaze, vergence
// variant) — all sampled from the same SceneScript as the video.
#include <cstdint>
#include <string>
#include <vector>

#include "core/sample/SampleCalibration.h"
#include "core/sample/SceneScript.h"
#include "core/sample/StreamArtifacts.h"

namespace tacit::sample {

// Device time of every video frame: start + round(i * 1e9 / fps).
std::vector<Timestamp> videoFrameTimes(const SceneScript &script, int fps);
// Times of a fixed-rate stream covering [start, end]: start + offset + round(k * 1e9 / hz).
std::vector<Timestamp> fixedRateTimes(const SceneScript &script, double hz, Timestamp offset);

// `timing` leaves rows out and shifts the written clock (integrity knobs); the default writes every row.
std::string imuCsv(const SceneScript &script, const SampleCalibration &cal, int hz, std::uint64_t seed,
                   const RowTiming &timing = {});
std::string trajectoryCsv(const SceneScript &script, int hz, const std::string &graphUid, const RowTiming &timing = {});
// jitterMm > 0 adds tracking noise (1 sigma per axis, the whole hand) from its own random stream.
std::string handsCsv(const SceneScript &script, const std::vector<Timestamp> &times, std::uint64_t seed,
                     double jitterMm = 0);
std::string gazeCsv(const SceneScript &script, const SampleCalibration &cal, const std::vector<Timestamp> &times,
                    const std::string &sessionUid, std::uint64_t seed);

// A version-4-shaped UUID derived from (seed, salt) deterministically.
std::string uuidFromSeed(std::uint64_t seed, std::uint64_t salt);

constexpr std::int64_t kSampleUtcEpochNs = 1768467600LL * 1000000000LL; // 2026-01-15T09:00:00Z at start
constexpr double kImuAccelNoise = 0.02;                                 // m/s^2 per sample (1 sigma)
constexpr double kImuGyroNoise = 0.0015;                                // rad/s per sample
constexpr double kGravity = 9.81;

} // namespace tacit::sample
