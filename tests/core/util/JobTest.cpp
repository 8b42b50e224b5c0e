// The one job runner: progress and the end arrive on the owner's thread, cancel stops the work,
// errors, warnings and typed results reach the caller, and destroying a running job joins it.
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <atomic>

#include "core/util/Job.h"

using namespace tacit;

class JobTest : public QObject {
  Q_OBJECT
private slots:
  void progressAndFinishArriveOnOwnerThread() {
    QThread *owner = QThread::currentThread();
    std::atomic<QThread *> workThread{nullptr};
    Job job(QStringLiteral("count"), [&](JobContext &ctx) {
      workThread = QThread::currentThread();
      for (int i = 0; i <= 10; ++i)
        ctx.progress(i / 10.0, i < 5 ? "first half" : "second half");
      return std::string();
    });
    QList<QThread *> progressThreads;
    QStringList stages;
    connect(&job, &Job::progressChanged, this, [&](double, const QString &stage) {
      progressThreads << QThread::currentThread();
      stages << stage;
    });
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QVERIFY(job.isRunning());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(job.state(), Job::State::Succeeded);
    QVERIFY(workThread.load() != owner);
    QCOMPARE(progressThreads.size(), 11);
    for (QThread *t : progressThreads)
      QCOMPARE(t, owner);
    QCOMPARE(stages.first(), QStringLiteral("first half"));
    QCOMPARE(stages.last(), QStringLiteral("second half"));
    QCOMPARE(job.fraction(), 1.0);
  }

  void progressIsThrottledToPermilleSteps() {
    Job job(QStringLiteral("many"), [](JobContext &ctx) {
      for (int i = 0; i < 100000; ++i)
        ctx.progress(i / 100000.0);
      return std::string();
    });
    QSignalSpy progressed(&job, &Job::progressChanged);
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(progressed.size() <= 1001);
    QVERIFY(progressed.size() >= 1000);
  }

  void cancelStopsTheWork() {
    std::atomic<int> iterations{0};
    Job job(QStringLiteral("endless"), [&](JobContext &ctx) {
      while (ctx.progress(0.5))
        ++iterations;
      return std::string();
    });
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_VERIFY(iterations.load() > 0);
    job.cancel();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(job.state(), Job::State::Cancelled);
    QCOMPARE(finished.first().first().value<Job::State>(), Job::State::Cancelled);
  }

  void errorAndWarningsReachTheOwner() {
    Job job(QStringLiteral("fails"), [](JobContext &ctx) {
      ctx.warn("imu.csv: line 7: skipped");
      return std::string("rec/rgb.mp4: not a video");
    });
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(job.state(), Job::State::Failed);
    QCOMPARE(job.error(), QStringLiteral("rec/rgb.mp4: not a video"));
    QCOMPARE(job.warnings(), QStringList{QStringLiteral("imu.csv: line 7: skipped")});
  }

  void exceptionInWorkBecomesAnError() {
    Job job(QStringLiteral("throws"), [](JobContext &) -> std::string { throw std::runtime_error("boom"); });
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(job.state(), Job::State::Failed);
    QVERIFY(job.error().contains(QStringLiteral("boom")));
  }

  void typedResultReachesDoneAndJobDeletesItself() {
    std::optional<int> got;
    QStringList warnings;
    QPointer<Job> job = startJob<int>(
        this, QStringLiteral("answer"),
        [](JobContext &) {
          Result<int> r(42);
          r.addWarning("one warning");
          return r;
        },
        [&](Result<int> &r) {
          got = r.ok() ? std::optional<int>(*r) : std::nullopt;
          warnings = job ? job->warnings() : QStringList();
        });
    QVERIFY(job);
    QTRY_VERIFY(got.has_value());
    QCOMPARE(*got, 42);
    QCOMPARE(warnings, QStringList{QStringLiteral("one warning")});
    QTRY_VERIFY(job.isNull());
  }

  void failedTypedResultStillReachesDone() {
    std::optional<std::string> error;
    startJob<int>(
        this, QStringLiteral("bad"), [](JobContext &) { return Result<int>::failure("x.json: line 1: invalid"); },
        [&](Result<int> &r) { error = r.error(); });
    QTRY_VERIFY(error.has_value());
    QCOMPARE(*error, std::string("x.json: line 1: invalid"));
  }

  void cancelledTypedJobSkipsDone() {
    bool doneCalled = false;
    QPointer<Job> job = startJob<int>(
        this, QStringLiteral("cancel me"),
        [](JobContext &ctx) {
          while (ctx.progress(0.1)) {
          }
          return Result<int>(1);
        },
        [&](Result<int> &) { doneCalled = true; });
    job->cancel();
    QTRY_VERIFY(job.isNull());
    QVERIFY(!doneCalled);
  }

  void destroyingARunningJobJoinsIt() {
    std::atomic<bool> returned{false};
    {
      Job job(QStringLiteral("long"), [&](JobContext &ctx) {
        while (ctx.progress(0.0)) {
        }
        returned = true;
        return std::string();
      });
      job.start();
    }
    QVERIFY(returned.load());
  }

  void subRangeCallbacksMapIntoTheJobsRange() {
    Job job(QStringLiteral("two stages"), [](JobContext &ctx) {
      auto first = ctx.callback(0.0, 0.25);
      auto second = ctx.stageCallback(0.25, 1.0);
      first(1.0);
      second(0.0, "load");
      second(1.0, "load");
      return std::string();
    });
    QList<double> fractions;
    connect(&job, &Job::progressChanged, this, [&](double f, const QString &) { fractions << f; });
    QSignalSpy finished(&job, &Job::finished);
    job.start();
    QTRY_COMPARE(finished.size(), 1);
    // 0.25 again, but with a new stage, is reported; the same fraction and stage would not be.
    QCOMPARE(fractions, (QList<double>{0.25, 0.25, 1.0}));
    QCOMPARE(fractions.last(), 1.0);
    QCOMPARE(job.stage(), QStringLiteral("load"));
  }
};

QTEST_GUILESS_MAIN(JobTest)
#include "JobTest.moc"
