#pragma once
// Runs the independent readers the export tests validate against: hyparquet (node, tests/js),
// h5py (Debian's python3) and ffprobe. Each returns parsed JSON, or null JSON after a QTest failure message.
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtTest>
#include <nlohmann/json.hpp>

namespace tacit::testing {

inline nlohmann::json runJsonTool(const QString &program, const QStringList &args, QString *errorOut = nullptr) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    const QString err = program + " " + args.join(' ') + ": " + QString::fromUtf8(p.readAllStandardError());
    if (errorOut)
      *errorOut = err;
    qWarning().noquote() << err;
    return nullptr;
  }
  return nlohmann::json::parse(p.readAllStandardOutput().toStdString(), nullptr, false);
}

inline nlohmann::json readParquet(const QString &file) {
  return runJsonTool("node", {QStringLiteral(TACIT_SOURCE_DIR "/tests/js/read-parquet.mjs"), file});
}

// Debian's python3 has h5py; a pyenv python3 on PATH may not.
inline QString systemPython() {
  return QFile::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}

inline nlohmann::json ffprobe(const QString &file) {
  return runJsonTool("ffprobe", {"-v", "error", "-count_frames", "-show_streams", "-show_format", "-of", "json", file});
}

} // namespace tacit::testing
