#pragma once
// The one way to run long work (DESIGN §2, "one job runner"): loading, import, export, face finding,
// box tracking, the bundled sample, curation metrics. A work function runs on the job's own thread
// with a JobContext that reports progress and says when the user cancelled; progress and the end
// arrive on the thread that owns the Job (the GUI thread), queued. Widgets show a job with
// JobProgressDialog (widgets/common); the CLI calls the same core functions without a Job.
//
// Threading: construct, start(), cancel() and every getter on the owner's thread; cancel() is also
// safe from any thread. The destructor requests cancel and joins, so the work's captures outlive it.
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/util/Result.h"

namespace tacit {

class Job;

// Handed to the work function (its thread). progress() is cheap to call often: updates reaching the
// owner are limited to whole per-mille steps or a change of stage.
class JobContext {
public:
  // fraction in [0,1]; returns false once cancel was requested (the work should stop and clean up).
  bool progress(double fraction, const std::string &stage = {});
  bool cancelled() const;
  // A warning shown with the result (e.g. a malformed row that was skipped).
  void warn(std::string message);
  // Adapters for core functions that take a progress callback; `begin`/`end` map the callee's [0,1]
  // into part of this job's range.
  std::function<bool(double)> callback(double begin = 0.0, double end = 1.0);
  std::function<bool(double, const std::string &)> stageCallback(double begin = 0.0, double end = 1.0);

private:
  friend class Job;
  explicit JobContext(Job &job) : m_job(job) {}
  Job &m_job;
  int m_lastPermille = -1;
  std::string m_lastStage;
};

class Job : public QObject {
  Q_OBJECT
public:
  enum class State { Idle, Running, Succeeded, Failed, Cancelled };
  Q_ENUM(State)
  // Returns an empty string on success, else a one-line error naming the file and the problem.
  using Work = std::function<std::string(JobContext &)>;

  explicit Job(QString title, Work work, QObject *parent = nullptr);
  ~Job() override;

  void start();
  void cancel() { m_cancel = true; }
  QString title() const { return m_title; }
  State state() const { return m_state; }
  bool isRunning() const { return m_state == State::Running; }
  bool isCancelRequested() const { return m_cancel.load(); }
  double fraction() const { return m_fraction; }
  QString stage() const { return m_stage; }
  // After finished(): the error of a failed job and the warnings the work reported.
  QString error() const { return m_error; }
  QStringList warnings() const { return m_warnings; }

signals:
  void progressChanged(double fraction, const QString &stage);
  // Emitted once, on the owner's thread, after the work returned (also after a cancel).
  void finished(tacit::Job::State state);

private:
  friend class JobContext;
  void post(double fraction, std::string stage); // work thread → owner thread
  void postWarning(std::string message);

  QString m_title;
  Work m_work;
  std::atomic<bool> m_cancel{false};
  State m_state = State::Idle;
  double m_fraction = 0.0;
  QString m_stage, m_error;
  QStringList m_warnings;
  std::thread m_thread;
};

// Runs `work` as a Job owned by `parent` and hands its Result to `done` on the owner's thread
// (`done` is not called when the job was cancelled; the job's error() is the Result's error). The
// job deletes itself after `done`; the returned pointer is for progress display and cancel.
template <typename T>
Job *startJob(QObject *parent, const QString &title, std::function<Result<T>(JobContext &)> work,
              std::function<void(Result<T> &)> done) {
  auto slot = std::make_shared<std::optional<Result<T>>>();
  auto *job = new Job(
      title,
      [work = std::move(work), slot](JobContext &ctx) -> std::string {
        slot->emplace(work(ctx));
        for (const auto &w : (*slot)->warnings())
          ctx.warn(w);
        return (*slot)->ok() ? std::string() : (*slot)->error();
      },
      parent);
  QObject::connect(job, &Job::finished, job, [job, slot, done = std::move(done)](Job::State state) {
    if (state != Job::State::Cancelled && slot->has_value() && done)
      done(**slot);
    job->deleteLater();
  });
  job->start();
  return job;
}

} // namespace tacit
