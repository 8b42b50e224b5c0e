#pragma once
// Video + CSV sidecars import (`tacit-cli import video`): any video FFmpeg reads, optional IMU and
// hand CSVs, a frame-rate hint for raw streams, an optional pinhole camera, and a column mapping
// for sidecars whose headers differ (ours=theirs).
#include <map>
#include <string>

#include "widgets/import/ImportForm.h"

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;

namespace tacit {

class VideoImportForm : public ImportForm {
  Q_OBJECT
public:
  explicit VideoImportForm(QWidget *parent = nullptr);

  QString title() const override { return tr("Video + CSV"); }
  QStringList problems() const override;
  ImportJob job() const override;

  PathField *video() const { return m_video; }
  PathField *imu() const { return m_imu; }
  PathField *hands() const { return m_hands; }
  QDoubleSpinBox *fpsHint() const { return m_fps; }
  // Pinhole intrinsics in pixels; the group's check box turns the camera on.
  QGroupBox *cameraGroup() const { return m_camera; }
  void setPinhole(double fx, double fy, double cx, double cy);
  QLineEdit *columnMap() const { return m_columns; }
  QComboBox *timeUnit() const { return m_timeUnit; }

private:
  // "ours=theirs, ours=theirs" -> map; a malformed entry is reported in *problem.
  std::map<std::string, std::string> parseColumnMap(QString *problem) const;
  void checkSidecars(QStringList &problems, const std::map<std::string, std::string> &map) const;

  PathField *m_video = nullptr, *m_imu = nullptr, *m_hands = nullptr;
  QDoubleSpinBox *m_fps = nullptr;
  QGroupBox *m_camera = nullptr;
  QDoubleSpinBox *m_fx = nullptr, *m_fy = nullptr, *m_cx = nullptr, *m_cy = nullptr;
  QLineEdit *m_columns = nullptr;
  QComboBox *m_timeUnit = nullptr;
};

} // namespace tacit
