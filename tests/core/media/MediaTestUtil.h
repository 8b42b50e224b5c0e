#pragma once
// Helpers shared by the media tests: make small clips with the ffmpeg CLI and read back what the
// CLI decodes (the reference every VideoSource frame must equal byte for byte).
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <vector>

namespace mediatest {

// Runs `ffmpeg -hide_banner -loglevel error -y <args>`; returns "" on success, else stderr.
inline QString ffmpeg(const QStringList &args, QByteArray *stdoutBytes = nullptr) {
  QProcess p;
  p.start(QStringLiteral("ffmpeg"), QStringList{"-hide_banner", "-loglevel", "error", "-nostdin", "-y"} + args);
  if (!p.waitForFinished(120000))
    return QStringLiteral("ffmpeg timed out");
  if (stdoutBytes)
    *stdoutBytes = p.readAllStandardOutput();
  if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
    return QStringLiteral("ffmpeg %1 failed: %2").arg(args.join(' '), QString::fromLocal8Bit(p.readAllStandardError()));
  return {};
}

// testsrc2 clip: `frames` frames at 30 fps, size WxH, then encoder arguments.
inline QString makeClip(const QString &out, const QString &size, int frames, const QStringList &encode,
                        const QStringList &filters = {}) {
  QStringList args{
      "-f", "lavfi", "-i", QStringLiteral("testsrc2=size=%1:rate=30").arg(size), "-frames:v", QString::number(frames)};
  args += filters;
  args += encode;
  args << out;
  return ffmpeg(args);
}

// Every frame the ffmpeg CLI outputs for `file` as rgb24 (-vsync 0), split into frames.
inline std::vector<QByteArray> referenceFrames(const QString &file, int width, int height, QString *error,
                                               const QString &pixFmt = QStringLiteral("rgb24"), int bpp = 3) {
  QByteArray raw;
  *error = ffmpeg({"-i", file, "-vsync", "0", "-pix_fmt", pixFmt, "-f", "rawvideo", "-"}, &raw);
  std::vector<QByteArray> frames;
  const qsizetype size = static_cast<qsizetype>(width) * height * bpp;
  for (qsizetype off = 0; size > 0 && off + size <= raw.size(); off += size)
    frames.push_back(raw.mid(off, size));
  return frames;
}

} // namespace mediatest
