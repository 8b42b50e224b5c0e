#pragma once
// Runs tacit-cli and other tools for the consent CLI tests; builds a one-recording project from
// `tacit-cli sample`.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>

namespace tacit::testing {

struct Run {
  int code = -1;
  QString out, err;
};

inline Run runTool(const QString &program, const QStringList &args, int timeoutMs = 90000) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(timeoutMs))
    p.kill();
  Run r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
  if (r.code != 0)
    qInfo().noquote() << program << args.join(' ') << "->" << r.code << r.err.left(800);
  return r;
}

inline Run cli(const QStringList &args) {
  return runTool(QStringLiteral(TACIT_CLI_PATH), args);
}

inline nlohmann::json readJson(const QString &file) {
  std::ifstream in(file.toStdString());
  return nlohmann::json::parse(in, nullptr, false);
}

// Sample recording REC in dir + project P.tacit holding it. Returns the recording uuid ("" on failure).
inline QString makeProject(const QString &dir, const QString &project, const QStringList &sampleArgs = {}) {
  const QString rec = dir + "/rec";
  if (cli(QStringList{"sample", rec, "--duration", "2", "--size", "320x320"} + sampleArgs).code != 0)
    return {};
  if (cli({"project", "create", project}).code != 0 || cli({"project", "add", project, rec}).code != 0)
    return {};
  const auto j = readJson(rec + "/recording.json");
  return QString::fromStdString(j.value("id", std::string()));
}

} // namespace tacit::testing
