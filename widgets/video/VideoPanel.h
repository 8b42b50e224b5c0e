#pragma once
// The Video dock: VideoView under a small toolbar (fit, 1:1, overlay toggles, rotation).
#include <QWidget>

namespace tacit {

class VideoView;

class VideoPanel : public QWidget {
  Q_OBJECT
public:
  explicit VideoPanel(QWidget *parent = nullptr);
  VideoView *view() const { return m_view; }

private:
  VideoView *m_view = nullptr;
};

} // namespace tacit
