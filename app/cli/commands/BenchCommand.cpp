// tacit-cli bench <verb> ...: hot-path measurements (figures for bench/*.sh, not tests).
//   bench decode PATH [--stream ID] [--json]        decode every frame to RGB; frames, seconds, fps
//   bench seek PATH --random K [--seed S] [--json]  K random exact-frame requests; median/p95 ms
//   bench seek PATH --step-back K [--json]          rest on a frame, then one step back (paused)
// All through media::FrameEngine, the engine the windows use (tacit --bench-playback measures it
// in the window).
// Other verbs (e.g. "series") register through BenchVerbs.h.
#include <QCommandLineParser>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>

#include "app/cli/CommandRegistry.h"
#include "app/cli/commands/BenchVerbs.h"
#include "app/cli/commands/MediaCliSupport.h"
#include "core/media/FrameEngine.h"
#include <thread>

namespace tacit::cli {

static std::map<QString, BenchVerb> &verbRegistry() {
  static std::map<QString, BenchVerb> verbs;
  return verbs;
}
void addBenchVerb(BenchVerb verb) {
  verbRegistry()[verb.name] = std::move(verb);
}
const std::map<QString, BenchVerb> &benchVerbs() {
  return verbRegistry();
}

} // namespace tacit::cli

namespace {

using namespace tacit;
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double q) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  const auto k = static_cast<std::size_t>(std::min<double>(v.size() - 1, std::ceil(q * v.size()) - 1));
  return v[std::max<std::size_t>(0, k)];
}

void addCommon(QCommandLineParser &p, const QString &verb) {
  p.addPositionalArgument(verb, QStringLiteral("Verb."));
  p.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Recording folder or video file."));
  p.addOption({QStringLiteral("stream"), QStringLiteral("Stream id in the recording."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("json"), QStringLiteral("JSON on stdout.")});
}

Result<std::unique_ptr<media::FrameSource>> openFromArgs(const QCommandLineParser &p, int threads,
                                                         int convertThreads = 2) {
  const QStringList pos = p.positionalArguments();
  auto stream = cli::resolveMediaStream(pos[1].toStdString(), p.value(QStringLiteral("stream")).toStdString());
  if (!stream)
    return Result<std::unique_ptr<media::FrameSource>>::failure(stream.error());
  return cli::openMediaStream(*stream, threads, convertThreads);
}

int print(const QCommandLineParser &p, const nlohmann::ordered_json &j) {
  if (p.isSet(QStringLiteral("json"))) {
    cli::printLine(j.dump(2));
  } else {
    for (const auto &[k, v] : j.items())
      std::printf("%-16s %s\n", k.c_str(), v.dump().c_str());
  }
  return cli::kExitOk;
}

// Requests frames from the one frame engine the windows use, waiting for each to be published,
// as a paused view does.
class EngineClient {
public:
  explicit EngineClient(std::unique_ptr<media::FrameSource> source, media::FrameEngine::Options options = {})
      : m_engine(std::move(source), options) {
    m_engine.setFrameCallback([this](const media::VideoFrame &f) {
      std::lock_guard lock(m_mutex);
      m_got = f;
      m_cv.notify_all();
    });
  }
  // Milliseconds from the request to the exact frame published; the frame in *out.
  double show(std::int64_t i, media::VideoFrame *out = nullptr) {
    {
      std::lock_guard lock(m_mutex);
      m_got = {};
    }
    const auto t = Clock::now();
    m_engine.request(i, media::FrameEngine::Quality::Exact, 0);
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, std::chrono::seconds(10), [&] { return m_got.index == i; });
    if (out)
      *out = m_got;
    return msSince(t);
  }
  media::FrameEngine &engine() { return m_engine; }

private:
  media::FrameEngine m_engine;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  media::VideoFrame m_got;
};

int benchDecode(const QStringList &args) {
  QCommandLineParser p;
  addCommon(p, QStringLiteral("decode"));
  p.addOption({QStringLiteral("threads"), QStringLiteral("Decoder threads (default 2)."), QStringLiteral("N"),
               QStringLiteral("2")});
  p.addOption({QStringLiteral("convert-threads"), QStringLiteral("swscale threads (default 2)."), QStringLiteral("N"),
               QStringLiteral("2")});
  p.addOption({QStringLiteral("cache-mib"),
               QStringLiteral("Frame and picture cache budgets (default 8: frames pass once, as in an export, "
                              "and their buffers are recycled)."),
               QStringLiteral("MIB"), QStringLiteral("8")});
  if (int rc = cli::parseArguments(p, args, QStringLiteral("bench")); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2)
    return cli::usageError(QStringLiteral("bench"), QStringLiteral("usage: bench decode PATH [--json]"));
  const auto t0 = Clock::now();
  auto source = openFromArgs(p, std::max(1, p.value(QStringLiteral("threads")).toInt()),
                             std::max(1, p.value(QStringLiteral("convert-threads")).toInt()));
  if (!source)
    return cli::dataError(source.error());
  const double openMs = msSince(t0);
  const std::string path = (*source)->path();
  const int width = (*source)->width(), height = (*source)->height();
  media::FrameEngine::Options options;
  options.cacheBytes = static_cast<std::size_t>(std::max(0, p.value(QStringLiteral("cache-mib")).toInt())) << 20;
  options.pictureCacheBytes = options.cacheBytes;
  options.prepareNeighbours = false; // nobody steps back: every frame once, in order
  EngineClient client(source.takeValue(), options);
  const auto t1 = Clock::now();
  const double c1 = cpuMs();
  std::int64_t frames = 0, failed = 0;
  std::uint64_t checksum = 0;
  const std::int64_t n = client.engine().frameCount();
  for (std::int64_t i = 0; i < n; ++i) {
    media::VideoFrame f; // exact frames in order: the engine decodes the next one while we look at this
    client.show(i, &f);
    if (f.index != i) {
      ++failed;
      continue;
    }
    checksum += f.data()[(f.height / 2) * f.stride + f.width / 2];
    ++frames;
  }
  const double seconds = msSince(t1) / 1000.0;
  const double cpuSeconds = (cpuMs() - c1) / 1000.0;
  nlohmann::ordered_json j;
  j["file"] = path;
  j["width"] = width;
  j["height"] = height;
  j["frames"] = frames;
  j["failed_frames"] = failed;
  j["open_ms"] = openMs;
  j["seconds"] = seconds;
  j["fps"] = seconds > 0 ? static_cast<double>(frames) / seconds : 0.0;
  j["cpu_seconds"] = cpuSeconds;
  j["decoded_pictures"] = client.engine().decodedPictures();
  j["checksum"] = checksum;
  return print(p, j);
}

int benchSeek(const QStringList &args) {
  QCommandLineParser p;
  addCommon(p, QStringLiteral("seek"));
  p.addOption({QStringLiteral("random"), QStringLiteral("K random exact-frame requests."), QStringLiteral("K")});
  p.addOption(
      {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("S"), QStringLiteral("1")});
  p.addOption({QStringLiteral("step-back"),
               QStringLiteral("K times: rest on a random frame, then step back one (paused)."), QStringLiteral("K")});
  p.addOption({QStringLiteral("gap-ms"),
               QStringLiteral("Idle time after each request, as between a user's clicks (default 50, like "
                              "tacit --bench-playback)."),
               QStringLiteral("MS"), QStringLiteral("50")});
  p.addOption({QStringLiteral("threads"), QStringLiteral("Decoder threads (default 2)."), QStringLiteral("N"),
               QStringLiteral("2")});
  if (int rc = cli::parseArguments(p, args, QStringLiteral("bench")); rc >= 0)
    return rc;
  if (p.positionalArguments().size() != 2 || p.isSet(QStringLiteral("random")) == p.isSet(QStringLiteral("step-back")))
    return cli::usageError(QStringLiteral("bench"),
                           QStringLiteral("usage: bench seek PATH (--random K [--seed S] | --step-back K) [--json]"));
  const auto t0 = Clock::now();
  auto source = openFromArgs(p, std::max(1, p.value(QStringLiteral("threads")).toInt()));
  if (!source)
    return cli::dataError(source.error());
  const double openMs = msSince(t0);
  nlohmann::ordered_json j;
  j["file"] = (*source)->path();
  EngineClient client(source.takeValue());
  media::FrameEngine &engine = client.engine();
  const std::int64_t n = engine.frameCount();
  const auto gap = std::chrono::milliseconds(std::max(0, p.value(QStringLiteral("gap-ms")).toInt()));
  std::mt19937_64 rng(p.value(QStringLiteral("seed")).toULongLong());
  std::uniform_int_distribution<std::int64_t> pick(0, n - 1);
  std::vector<double> ms;
  j["frames"] = n;
  j["open_ms"] = openMs;
  auto check = [&](const media::VideoFrame &f, std::int64_t i) { return f.index == i && f.exact; };
  if (p.isSet(QStringLiteral("random"))) {
    const int k = p.value(QStringLiteral("random")).toInt();
    j["mode"] = "random";
    for (int r = 0; r < k; ++r) {
      const std::int64_t i = pick(rng);
      media::VideoFrame f;
      ms.push_back(client.show(i, &f));
      if (!check(f, i))
        return cli::dataError(engine.path() + ": frame " + std::to_string(i) + " was not decoded");
      std::this_thread::sleep_for(gap);
    }
  } else {
    const int k = p.value(QStringLiteral("step-back")).toInt();
    j["mode"] = "step_back";
    std::uniform_int_distribution<std::int64_t> start(1, std::max<std::int64_t>(1, n - 1));
    for (int r = 0; r < k; ++r) {
      const std::int64_t s = start(rng);
      client.show(s);
      std::this_thread::sleep_for(gap); // resting on the frame, as a user reading it
      media::VideoFrame f;
      ms.push_back(client.show(s - 1, &f));
      if (!check(f, s - 1))
        return cli::dataError(engine.path() + ": frame " + std::to_string(s - 1) + " was not decoded");
      std::this_thread::sleep_for(gap);
    }
  }
  j["cache_hits"] = engine.cacheHits();
  j["picture_hits"] = engine.pictureHits();
  j["decoded_pictures"] = engine.decodedPictures();
  j["cache_mib"] = static_cast<double>(engine.cache().bytes()) / (1 << 20);
  j["requests"] = ms.size();
  j["median_ms"] = percentile(ms, 0.5);
  j["p95_ms"] = percentile(ms, 0.95);
  j["max_ms"] = ms.empty() ? 0.0 : *std::max_element(ms.begin(), ms.end());
  return print(p, j);
}

int run(const QStringList &args) {
  const auto &verbs = cli::benchVerbs();
  if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
    std::printf("Usage: tacit-cli bench <verb> ...\n\nVerbs:\n");
    for (const auto &[name, verb] : verbs)
      std::printf("  %-8s %s\n", qPrintable(name), qPrintable(verb.summary));
    return args.size() < 2 ? cli::kExitUsage : cli::kExitOk;
  }
  auto it = verbs.find(args[1]);
  if (it == verbs.end())
    return cli::usageError(QStringLiteral("bench"), QStringLiteral("unknown verb '%1'").arg(args[1]));
  return it->second.run(args);
}

} // namespace

static tacit::cli::BenchVerbRegistrar
    decodeVerb({QStringLiteral("decode"), QStringLiteral("Sequential decode of every frame to RGB"), &benchDecode});
static tacit::cli::BenchVerbRegistrar
    seekVerb({QStringLiteral("seek"), QStringLiteral("Random exact-frame seek / step-back latency"), &benchSeek});
static tacit::cli::CommandRegistrar reg({QStringLiteral("bench"),
                                         QStringLiteral("Measure hot paths (decode, seek, series, ...)"), &run});
