#pragma once
// Shared by the robustness CLI tests: run tacit-cli (optionally with extra environment), hash a
// folder tree to prove it was left byte-identical, and the one-recording export project.
#include <QCryptographicHash>
#include <QDirIterator>
#include <nlohmann/json.hpp>
#include <QProcess>
#include <QtTest>
#include <map>

#include "../../core/export/ExportFixture.h"

namespace tacit::testing {

struct CliRun {
  int code = -1;
  QString out, err;
};

inline CliRun runCli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                     const QString &workingDir = {}, int timeoutMs = 120000) {
  QProcess p;
  p.setProcessEnvironment(env);
  if (!workingDir.isEmpty())
    p.setWorkingDirectory(workingDir);
  p.start(QStringLiteral(TACIT_CLI_PATH), args);
  if (!p.waitForFinished(timeoutMs))
    p.kill();
  CliRun r{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
           QString::fromUtf8(p.readAllStandardError())};
  if (r.code != 0)
    qInfo().noquote() << "tacit-cli" << args.join(' ') << "->" << r.code << r.err.left(1200);
  return r;
}

// Every file under `root` (relative path -> SHA-256 of its bytes, "<dir>" for folders).
inline std::map<QString, QByteArray> treeHashes(const QString &root) {
  std::map<QString, QByteArray> out;
  QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString path = it.next();
    const QFileInfo info(path);
    const QString rel = QDir(root).relativeFilePath(path);
    if (info.isDir()) {
      out[rel] = "<dir>";
      continue;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
      out[rel] = "<unreadable>";
    else
      out[rel] = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
  }
  return out;
}

inline QByteArray fileBytes(const QString &path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline int countLines(const QString &text, const QString &needle) {
  return static_cast<int>(text.count(needle));
}

} // namespace tacit::testing
