#include "core/export/RobomimicWriter.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <hdf5.h>
#include <mutex>
#include <random>
#include <thread>
#include <zlib.h>

#include "core/export/ActionTargets.h"
#include "core/export/Hdf5Errors.h"

namespace tacit::exporting {
namespace {

struct H5Plist {
  hid_t id;
  explicit H5Plist(hid_t h) : id(h) {}
  ~H5Plist() {
    if (id >= 0)
      H5Pclose(id);
  }
  operator hid_t() const { return id; }
};

struct H5Space {
  hid_t id;
  explicit H5Space(hid_t h) : id(h) {}
  ~H5Space() {
    if (id >= 0)
      H5Sclose(id);
  }
  operator hid_t() const { return id; }
};

struct H5Type {
  hid_t id;
  explicit H5Type(hid_t h) : id(h) {}
  ~H5Type() {
    if (id >= 0)
      H5Tclose(id);
  }
  operator hid_t() const { return id; }
};

herr_t writeScalarInt64Attr(hid_t obj, const char *name, std::int64_t v) {
  H5Space space(H5Screate(H5S_SCALAR));
  hid_t attr = H5Acreate2(obj, name, H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT);
  if (attr < 0)
    return -1;
  herr_t rc = H5Awrite(attr, H5T_NATIVE_INT64, &v);
  H5Aclose(attr);
  return rc;
}

// Variable-length UTF-8 string attribute (h5py reads it as str).
herr_t writeStringAttr(hid_t obj, const char *name, const std::string &value) {
  H5Type type(H5Tcopy(H5T_C_S1));
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  H5Space space(H5Screate(H5S_SCALAR));
  hid_t attr = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  if (attr < 0)
    return -1;
  const char *p = value.c_str();
  herr_t rc = H5Awrite(attr, type, &p);
  H5Aclose(attr);
  return rc;
}

// Chunked, deflated dataset of `dims`; chunk = one row of the leading dimension (images) or `rowsPerChunk` rows.
hid_t createDataset(hid_t parent, const char *name, hid_t fileType, const std::vector<hsize_t> &dims,
                    hsize_t rowsPerChunk, int deflate, bool shuffle) {
  H5Space space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
  H5Plist dcpl(H5Pcreate(H5P_DATASET_CREATE));
  if (dims[0] > 0) {
    std::vector<hsize_t> chunk = dims;
    chunk[0] = std::min(dims[0], rowsPerChunk);
    H5Pset_chunk(dcpl, static_cast<int>(chunk.size()), chunk.data());
    if (shuffle)
      H5Pset_shuffle(dcpl);
    if (deflate > 0)
      H5Pset_deflate(dcpl, static_cast<unsigned>(deflate));
  }
  hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
  H5Pset_create_intermediate_group(lcpl, 1);
  hid_t ds = H5Dcreate2(parent, name, fileType, space, lcpl, dcpl, H5P_DEFAULT);
  H5Pclose(lcpl);
  return ds;
}

herr_t writeFloatDataset(hid_t parent, const char *name, const std::vector<float> &values,
                         const std::vector<hsize_t> &dims) {
  hid_t ds = createDataset(parent, name, H5T_IEEE_F32LE, dims, 1024, 4, true);
  if (ds < 0)
    return -1;
  herr_t rc = values.empty() ? 0 : H5Dwrite(ds, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Dclose(ds);
  return rc;
}

// next_obs/<key> as a virtual dataset over obs/<key> shifted by one row (the last row repeats): robomimic
// loads next_obs for every obs key by default (config/base_config.py:176, utils/dataset.py:321-322,
// 489-497) and a virtual dataset costs no second copy of the images.
herr_t writeNextObs(hid_t demo, const std::string &demoPath, const std::string &key) {
  const std::string src = demoPath + "/obs/" + key;
  hid_t ds = H5Dopen2(demo, ("obs/" + key).c_str(), H5P_DEFAULT);
  if (ds < 0)
    return -1;
  H5Space space(H5Dget_space(ds));
  H5Type type(H5Dget_type(ds));
  H5Dclose(ds);
  const int rank = H5Sget_simple_extent_ndims(space);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  const hsize_t n = dims[0];
  H5Plist dcpl(H5Pcreate(H5P_DATASET_CREATE));
  H5Space vspace(H5Screate_simple(rank, dims.data(), nullptr));
  H5Space sspace(H5Screate_simple(rank, dims.data(), nullptr));
  auto map = [&](hsize_t to, hsize_t from, hsize_t rows) {
    std::vector<hsize_t> start(dims.size(), 0), count = dims;
    count[0] = rows;
    start[0] = to;
    H5Sselect_hyperslab(vspace, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
    start[0] = from;
    H5Sselect_hyperslab(sspace, H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr);
    return H5Pset_virtual(dcpl, vspace, ".", src.c_str(), sspace);
  };
  if (n > 1 && map(0, 1, n - 1) < 0)
    return -1;
  if (n > 0 && map(n - 1, n - 1, 1) < 0)
    return -1;
  H5Space full(H5Screate_simple(rank, dims.data(), nullptr));
  H5Plist lcpl(H5Pcreate(H5P_LINK_CREATE));
  H5Pset_create_intermediate_group(lcpl, 1);
  hid_t out = H5Dcreate2(demo, ("next_obs/" + key).c_str(), type, full, lcpl, dcpl, H5P_DEFAULT);
  if (out < 0)
    return -1;
  H5Dclose(out);
  return 0;
}

template <typename T>
herr_t writeTypedDataset(hid_t parent, const char *name, hid_t fileType, hid_t memType, const std::vector<T> &values,
                         const std::vector<hsize_t> &dims) {
  hid_t ds = createDataset(parent, name, fileType, dims, 4096, 4, sizeof(T) > 1);
  if (ds < 0)
    return -1;
  herr_t rc = values.empty() ? 0 : H5Dwrite(ds, memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
  H5Dclose(ds);
  return rc;
}

// Fixed-length byte strings (numpy dtype "S<n>"), as robomimic's split_train_val.py writes masks.
herr_t writeNameList(hid_t parent, const char *name, const std::vector<std::string> &names) {
  std::size_t width = 1;
  for (const auto &n : names)
    width = std::max(width, n.size());
  std::vector<char> buf(std::max<std::size_t>(1, names.size()) * width, '\0');
  for (std::size_t i = 0; i < names.size(); ++i)
    std::copy(names[i].begin(), names[i].end(), buf.begin() + static_cast<std::ptrdiff_t>(i * width));
  H5Type type(H5Tcopy(H5T_C_S1));
  H5Tset_size(type, width);
  H5Tset_strpad(type, H5T_STR_NULLPAD);
  hsize_t dims[1] = {names.size()};
  H5Space space(H5Screate_simple(1, dims, nullptr));
  hid_t ds = H5Dcreate2(parent, name, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  if (ds < 0)
    return -1;
  herr_t rc = names.empty() ? 0 : H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data());
  H5Dclose(ds);
  return rc;
}

// One worker thread that compresses frame chunks and writes them in order (bounded queue).
class ChunkPipeline {
public:
  ChunkPipeline(hid_t dataset, int level) : m_ds(dataset), m_level(level), m_thread([this] { run(); }) {}
  ~ChunkPipeline() { finish(); }
  // False when the worker has failed (stop producing).
  bool push(hsize_t index, std::vector<std::uint8_t> frame) {
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [&] { return m_queue.size() < kDepth || m_failed; });
    if (m_failed)
      return false;
    m_queue.push_back({index, std::move(frame)});
    m_ready.notify_one();
    return true;
  }
  // Drains the queue and joins; false when a write failed.
  bool finish() {
    {
      std::lock_guard lock(m_mutex);
      m_closed = true;
    }
    m_ready.notify_one();
    if (m_thread.joinable())
      m_thread.join();
    return !m_failed;
  }
  // The worker's HDF5 error after finish() returned false ("disk full", or the innermost problem).
  const std::string &error() const { return m_error; }

private:
  static constexpr std::size_t kDepth = 4;
  void run() {
    silenceHdf5Errors(); // this thread's own error stack (thread-safe HDF5)
    std::vector<Bytef> packed;
    for (;;) {
      std::pair<hsize_t, std::vector<std::uint8_t>> job;
      {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_queue.empty() || m_closed; });
        if (m_queue.empty())
          return;
        job = std::move(m_queue.front());
        m_queue.pop_front();
      }
      m_space.notify_one();
      const hsize_t offset[4] = {job.first, 0, 0, 0};
      herr_t rc;
      if (m_level > 0) {
        uLongf size = compressBound(static_cast<uLong>(job.second.size()));
        packed.resize(size);
        const int z =
            compress2(packed.data(), &size, job.second.data(), static_cast<uLong>(job.second.size()), m_level);
        rc = z == Z_OK ? H5Dwrite_chunk(m_ds, H5P_DEFAULT, 0, offset, size, packed.data()) : -1;
      } else {
        rc = H5Dwrite_chunk(m_ds, H5P_DEFAULT, 0, offset, job.second.size(), job.second.data());
      }
      if (rc < 0) {
        std::string why = takeHdf5Error();
        std::lock_guard lock(m_mutex);
        m_error = std::move(why);
        m_failed = true;
        m_queue.clear();
        m_space.notify_all();
        return;
      }
    }
  }

  hid_t m_ds;
  int m_level;
  std::mutex m_mutex;
  std::condition_variable m_ready, m_space;
  std::deque<std::pair<hsize_t, std::vector<std::uint8_t>>> m_queue;
  bool m_closed = false;
  std::string m_error;
  std::atomic<bool> m_failed{false};
  std::thread m_thread; // last: starts after the members it uses exist
};

} // namespace

RobomimicWriter::~RobomimicWriter() {
  if (m_data >= 0)
    H5Gclose(m_data);
  if (m_file >= 0)
    H5Fclose(m_file);
}

Status RobomimicWriter::fail(const std::string &what) const {
  const std::string detail = takeHdf5Error();
  if (detail == "disk full")
    return Status::failure(m_path.string() + ": disk full");
  return Status::failure(m_path.string() + ": " + what + (detail.empty() ? "" : " (" + detail + ")"));
}

Result<std::unique_ptr<RobomimicWriter>> RobomimicWriter::create(const std::filesystem::path &file,
                                                                 RobomimicOptions options) {
  using R = Result<std::unique_ptr<RobomimicWriter>>;
  if (options.width <= 0 || options.height <= 0)
    return R::failure(file.string() + ": image size must be positive");
  silenceHdf5Errors(); // errors are reported through Result, not printed
  std::unique_ptr<RobomimicWriter> w(new RobomimicWriter);
  w->m_path = file;
  w->m_options = std::move(options);
  w->m_file = H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  if (w->m_file < 0)
    return R::failure(file.string() + ": cannot create HDF5 file");
  w->m_data = H5Gcreate2(w->m_file, "data", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  if (w->m_data < 0)
    return R::failure(file.string() + ": cannot create group data");
  return R(std::move(w));
}

Status RobomimicWriter::writeDemo(const EpisodeData &ep, const FrameProvider &frames,
                                  const ProgressCallback &progress) {
  const std::string name = "demo_" + std::to_string(m_demoSamples.size());
  const hsize_t n = ep.size();
  if (n == 0)
    return fail(name + ": episode has no frames");
  if (ep.leftPalm.size() != n || ep.rightPalm.size() != n)
    return fail(name + ": palm arrays do not match the frame count");
  hid_t demo = H5Gcreate2(m_data, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  if (demo < 0)
    return fail("cannot create group data/" + name);
  std::map<std::string, std::size_t> statsBefore;
  for (const auto &[key, k] : m_stats)
    statsBefore[key] = k.demos.size();
  Status s = writeDemoInto(demo, name, ep, frames, progress);
  H5Gclose(demo);
  if (!s) {
    H5Ldelete(m_data, name.c_str(), H5P_DEFAULT); // a failed or cancelled demo leaves nothing behind
    for (auto &[key, k] : m_stats)
      k.demos.resize(statsBefore.count(key) ? statsBefore[key] : 0);
    return s;
  }
  m_demoSamples.push_back(static_cast<std::int64_t>(n));
  return okStatus();
}

Status RobomimicWriter::writeDemoInto(std::int64_t demo, const std::string &name, const EpisodeData &ep,
                                      const FrameProvider &frames, const ProgressCallback &progress) {
  const hsize_t n = ep.size();

  const hsize_t h = static_cast<hsize_t>(m_options.height), w = static_cast<hsize_t>(m_options.width);
  {
    hid_t ds =
        createDataset(demo, "obs/front_img_1", H5T_STD_U8LE, {n, h, w, 3}, 1, m_options.imageDeflateLevel, false);
    if (ds < 0)
      return fail("cannot create data/" + name + "/obs/front_img_1");
    struct DsCloser {
      hid_t d;
      ~DsCloser() { H5Dclose(d); }
    } dsCloser{ds};
    // Frames are decoded and resampled on this thread while a worker compresses (zlib, as HDF5's
    // deflate filter does) and writes each finished chunk with H5Dwrite_chunk. Only the worker calls
    // HDF5 until it is joined, so the (non-thread-safe) library is never entered concurrently.
    ChunkPipeline pipe(ds, m_options.imageDeflateLevel);
    for (hsize_t i = 0; i < n; ++i) {
      std::vector<std::uint8_t> rgb(static_cast<std::size_t>(h * w * 3), 0);
      if (Status s = frames(static_cast<std::size_t>(i), rgb); !s)
        return s;
      if (rgb.size() != h * w * 3)
        return fail(name + ": frame " + std::to_string(i) + " has the wrong size");
      if (!pipe.push(i, std::move(rgb)))
        break;
      if (progress && !progress(static_cast<double>(i + 1) / static_cast<double>(n)))
        return Status::failure("cancelled");
    }
    if (!pipe.finish())
      return pipe.error() == "disk full" ? Status::failure(m_path.string() + ": disk full")
                                         : fail("write failed in data/" + name + "/obs/front_img_1: " + pipe.error());
  }

  // Low-dim arrays: float32 obs and actions; their statistics go to the manifest (statsJson).
  std::vector<std::string> obsKeys = {"front_img_1"};
  Status nonFinite = okStatus();
  auto lowDim = [&](const char *key, const std::vector<float> &values, const std::vector<hsize_t> &dims) {
    // The aligner never produces NaN or inf; refuse rather than write one (docs/export.md).
    if (auto bad = std::find_if(values.begin(), values.end(), [](float v) { return !std::isfinite(v); });
        bad != values.end()) {
      nonFinite = fail("data/" + name + "/" + key + ": non-finite value at element " +
                       std::to_string(bad - values.begin()) + "; nothing is written with NaN or inf");
      return false;
    }
    if (writeFloatDataset(demo, key, values, dims) < 0)
      return false;
    addStats(key, values, {dims.begin(), dims.end()});
    const std::string k = key;
    if (k.rfind("obs/", 0) == 0)
      obsKeys.push_back(k.substr(4));
    return true;
  };
  // actions: both palms at frame t+1 in the camera frame of t, the 2-D (n, D) action robomimic asserts
  // (config/base_config.py:208, utils/file_utils.py:150-152); the same as LeRobot's `action`.
  if (!lowDim("obs/ee_pose", eePoseArray(ep), {n, 6}) || !lowDim("actions", futureActions(ep, 1, 1), {n, 6}) ||
      !lowDim("actions_xyz", futureActions(ep), {n, kActionSteps, 6}) ||
      !lowDim("actions_xyz_act", denseFutureActions(ep), {n, kActionDenseSteps, 6}))
    return nonFinite ? fail("write failed in data/" + name + " (disk full?)") : nonFinite;

  // IMU (accel xyz, gyro xyz) and gaze (yaw, pitch, depth) resampled to the frame times, when recorded.
  if (ep.imu.size() == n) {
    std::vector<float> imu;
    for (const auto &r : ep.imu)
      imu.insert(imu.end(), r.begin(), r.end());
    if (!lowDim("obs/imu", imu, {n, 6}))
      return nonFinite ? fail("write failed in data/" + name + "/obs/imu (disk full?)") : nonFinite;
  }
  if (ep.gaze.size() == n) {
    std::vector<float> gaze;
    for (const auto &r : ep.gaze)
      gaze.insert(gaze.end(), r.begin(), r.end());
    if (!lowDim("obs/gaze", gaze, {n, 3}))
      return nonFinite ? fail("write failed in data/" + name + "/obs/gaze (disk full?)") : nonFinite;
  }

  // Tracking validity (an obs key too), rewards, dones and exact frame times. No reward signal exists:
  // rewards are 0, dones 1 on the last row (robomimic's default dataset keys, config/base_config.py:200-204;
  // read without caching at utils/dataset.py:435-436).
  std::vector<float> validF;
  std::vector<std::uint8_t> valid;
  valid.reserve(n * 2);
  for (hsize_t i = 0; i < n; ++i) {
    valid.push_back(i < ep.leftValid.size() ? ep.leftValid[i] : 0);
    valid.push_back(i < ep.rightValid.size() ? ep.rightValid[i] : 0);
  }
  validF.assign(valid.begin(), valid.end());
  addStats("obs/ee_valid", validF, {n, 2});
  obsKeys.push_back("ee_valid");
  std::vector<float> rewards(n, 0.0f);
  std::vector<std::uint8_t> dones(n, 0);
  dones.back() = 1;
  if (writeTypedDataset(demo, "obs/ee_valid", H5T_STD_U8LE, H5T_NATIVE_UINT8, valid, {n, 2}) < 0 ||
      writeTypedDataset(demo, "timestamps_ns", H5T_STD_I64LE, H5T_NATIVE_INT64, ep.frameTimes, {n}) < 0 ||
      writeTypedDataset(demo, "rewards", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, rewards, {n}) < 0 ||
      writeTypedDataset(demo, "dones", H5T_STD_U8LE, H5T_NATIVE_UINT8, dones, {n}) < 0)
    return fail("write failed in data/" + name + " (disk full?)");
  for (const auto &key : obsKeys)
    if (writeNextObs(demo, "/data/" + name, key) < 0)
      return fail("cannot write data/" + name + "/next_obs/" + key);

  if (writeScalarInt64Attr(demo, "num_samples", static_cast<std::int64_t>(n)) < 0 ||
      writeStringAttr(demo, "language", ep.task) < 0 || writeStringAttr(demo, "recording_id", ep.recordingId) < 0 ||
      writeScalarInt64Attr(demo, "start_ns", ep.range.begin) < 0 ||
      writeScalarInt64Attr(demo, "end_ns", ep.range.end) < 0)
    return fail("cannot write attributes of data/" + name);
  return okStatus();
}

void RobomimicWriter::splitDemos(int count, double validFraction, std::uint64_t seed, std::vector<std::string> &train,
                                 std::vector<std::string> &valid) {
  std::vector<int> order(static_cast<std::size_t>(std::max(0, count)));
  for (int i = 0; i < count; ++i)
    order[static_cast<std::size_t>(i)] = i;
  // Fisher-Yates driven by mt19937_64 (its output sequence is fixed by the standard; std::shuffle is not).
  std::mt19937_64 rng(seed);
  for (int i = count - 1; i > 0; --i) {
    const int j = static_cast<int>(rng() % static_cast<std::uint64_t>(i + 1));
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
  }
  int nValid = static_cast<int>(std::lround(validFraction * count));
  if (count >= 2 && validFraction > 0)
    nValid = std::clamp(nValid, 1, count - 1);
  else
    nValid = 0;
  std::vector<int> v(order.begin(), order.begin() + nValid), t(order.begin() + nValid, order.end());
  std::sort(v.begin(), v.end());
  std::sort(t.begin(), t.end());
  train.clear();
  valid.clear();
  for (int i : t)
    train.push_back("demo_" + std::to_string(i));
  for (int i : v)
    valid.push_back("demo_" + std::to_string(i));
}

void RobomimicWriter::addStats(const std::string &key, const std::vector<float> &values,
                               const std::vector<std::uint64_t> &dims) {
  std::uint64_t rowSize = 1;
  for (std::size_t i = 1; i < dims.size(); ++i)
    rowSize *= dims[i];
  FeatureStats stats(static_cast<int>(rowSize));
  for (std::size_t i = 0; i + rowSize <= values.size(); i += rowSize)
    stats.add(values.data() + i);
  KeyStats &k = m_stats[key];
  k.shape.assign(dims.begin() + 1, dims.end());
  k.demos.push_back(stats.summarize(false));
}

nlohmann::json RobomimicWriter::statsJson() const {
  nlohmann::json out = nlohmann::json::object();
  for (const auto &[key, k] : m_stats) {
    const StatsSummary s = aggregateStats(k.demos);
    out[key] = {{"shape", k.shape}, {"mean", s.mean}, {"std", s.std},
                {"min", s.min},     {"max", s.max},   {"count", s.count}};
  }
  return out;
}

Status RobomimicWriter::finish() {
  if (m_file < 0)
    return fail("already finished");
  std::int64_t total = 0;
  for (auto s : m_demoSamples)
    total += s;
  if (writeScalarInt64Attr(m_data, "total", total) < 0 || writeStringAttr(m_data, "env_args", m_options.envArgs) < 0)
    return fail("cannot write attributes of data");
  std::vector<std::string> train, valid;
  splitDemos(demoCount(), m_options.validFraction, m_options.splitSeed, train, valid);
  hid_t mask = H5Gcreate2(m_file, "mask", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  if (mask < 0)
    return fail("cannot create group mask");
  const bool ok = writeNameList(mask, "train", train) >= 0 && writeNameList(mask, "valid", valid) >= 0;
  H5Gclose(mask);
  if (!ok)
    return fail("cannot write mask/train and mask/valid");
  H5Gclose(m_data);
  m_data = -1;
  const herr_t rc = H5Fclose(m_file);
  m_file = -1;
  if (rc < 0)
    return fail("cannot close HDF5 file");
  return okStatus();
}

} // namespace tacit::exporting
