#pragma once
// Per-stream time offset editor: nudge any stream by one frame or one millisecond (or type a value).
// It only reports edits (offsetChanged); the window saves them in the project (undoable) and the
// recording's context applies them to every view, new segment, redaction and export
// (docs/recording-context.md "Time").
#include <QWidget>
#include <functional>
#include <string>
#include <vector>

#include "core/time/Timestamp.h"

class QDoubleSpinBox;
class QGridLayout;

namespace tacit {

class OffsetEditor : public QWidget {
  Q_OBJECT
public:
  explicit OffsetEditor(QWidget *parent = nullptr);

  struct Stream {
    std::string id;
    QString name;
    Timestamp offset = 0;
  };
  // framePeriod: size of the one-frame nudge.
  void setStreams(const std::vector<Stream> &streams, Timestamp framePeriod);
  Timestamp offset(const std::string &id) const;
  // Shows a value set elsewhere (undo/redo, a reopened project) without emitting offsetChanged.
  void setOffset(const std::string &id, Timestamp offsetNs);

signals:
  void offsetChanged(const std::string &streamId, qint64 offsetNs);

private:
  void nudge(std::size_t row, Timestamp delta);
  void setRowOffset(std::size_t row, Timestamp value, bool notify);

  QGridLayout *m_grid = nullptr;
  std::vector<Stream> m_streams;
  std::vector<QDoubleSpinBox *> m_spins;
  Timestamp m_framePeriod = 33333333;
};

} // namespace tacit
