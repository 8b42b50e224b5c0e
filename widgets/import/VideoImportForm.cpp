#include "widgets/import/VideoImportForm.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>

#include "core/import/CsvRemapper.h"
#include "core/import/VideoImporter.h"
#include "core/series/HandSeries.h"
#include "core/series/ImuSeries.h"
#include "widgets/import/PathField.h"

namespace tacit {

namespace {

QDoubleSpinBox *pixelBox(QWidget *parent, const QString &name) {
  auto *box = new QDoubleSpinBox(parent);
  box->setObjectName(name);
  box->setRange(-100000, 100000);
  box->setDecimals(3);
  return box;
}

QString csvFilter() {
  return QObject::tr("CSV files (*.csv);;All files (*)");
}

} // namespace

VideoImportForm::VideoImportForm(QWidget *parent) : ImportForm(parent) {
  m_video = new PathField(PathField::Mode::ExistingFile,
                          tr("Videos (*.mp4 *.mov *.mkv *.avi *.webm *.h264 *.hevc);;All files (*)"), this);
  m_video->setObjectName(QStringLiteral("video"));
  m_imu = new PathField(PathField::Mode::ExistingFile, csvFilter(), this);
  m_imu->setObjectName(QStringLiteral("imu"));
  m_imu->setPlaceholder(tr("Optional: timestamp_ns, accel_x..z (m/s²), gyro_x..z (rad/s)"));
  m_hands = new PathField(PathField::Mode::ExistingFile, csvFilter(), this);
  m_hands->setObjectName(QStringLiteral("hands"));
  m_hands->setPlaceholder(tr("Optional: Aria MPS hand columns"));
  m_fps = new QDoubleSpinBox(this);
  m_fps->setObjectName(QStringLiteral("fpsHint"));
  m_fps->setRange(0, 1000);
  m_fps->setDecimals(3);
  m_fps->setSpecialValueText(tr("From the file"));
  m_fps->setToolTip(tr("Frame rate to assume when the video has no usable timestamps (raw .h264/.hevc)"));

  m_camera = new QGroupBox(tr("Pinhole camera"), this);
  m_camera->setObjectName(QStringLiteral("camera"));
  m_camera->setCheckable(true);
  m_camera->setChecked(false);
  auto *cam = new QFormLayout(m_camera);
  m_fx = pixelBox(m_camera, QStringLiteral("fx"));
  m_fy = pixelBox(m_camera, QStringLiteral("fy"));
  m_cx = pixelBox(m_camera, QStringLiteral("cx"));
  m_cy = pixelBox(m_camera, QStringLiteral("cy"));
  cam->addRow(tr("fx (px):"), m_fx);
  cam->addRow(tr("fy (px):"), m_fy);
  cam->addRow(tr("cx (px):"), m_cx);
  cam->addRow(tr("cy (px):"), m_cy);

  m_columns = new QLineEdit(this);
  m_columns->setObjectName(QStringLiteral("columnMap"));
  m_columns->setPlaceholderText(tr("Optional: ours=theirs, e.g. accel_x=ax, timestamp_ns=t"));
  m_timeUnit = new QComboBox(this);
  m_timeUnit->setObjectName(QStringLiteral("timeUnit"));
  m_timeUnit->addItem(tr("Native (ns for IMU, µs for hands)"), QString());
  for (const char *u : {"ns", "us", "ms", "s"})
    m_timeUnit->addItem(QString::fromLatin1(u), QString::fromLatin1(u));

  form()->addRow(tr("Video:"), m_video);
  form()->addRow(tr("IMU CSV:"), m_imu);
  form()->addRow(tr("Hands CSV:"), m_hands);
  form()->addRow(tr("Frame rate hint:"), m_fps);
  form()->addRow(m_camera);
  form()->addRow(tr("Column mapping:"), m_columns);
  form()->addRow(tr("Sidecar time unit:"), m_timeUnit);
  addOutputRow();
  watch(m_video);
  watch(m_imu);
  watch(m_hands);
  connect(m_columns, &QLineEdit::textChanged, this, &ImportForm::changed);
}

void VideoImportForm::setPinhole(double fx, double fy, double cx, double cy) {
  m_camera->setChecked(true);
  m_fx->setValue(fx);
  m_fy->setValue(fy);
  m_cx->setValue(cx);
  m_cy->setValue(cy);
}

std::map<std::string, std::string> VideoImportForm::parseColumnMap(QString *problem) const {
  std::map<std::string, std::string> map;
  for (const QString &entry : m_columns->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QString e = entry.trimmed();
    if (e.isEmpty())
      continue;
    const int eq = e.indexOf(QLatin1Char('='));
    const QString ours = e.left(eq).trimmed(), theirs = e.mid(eq + 1).trimmed();
    if (eq < 0 || ours.isEmpty() || theirs.isEmpty()) {
      *problem = tr("Column mapping: '%1' is not ours=theirs (e.g. accel_x=ax).").arg(e);
      return {};
    }
    map[ours.toStdString()] = theirs.toStdString();
  }
  return map;
}

// Reads the sidecars' headers so a missing column is named before anything runs.
void VideoImportForm::checkSidecars(QStringList &problems, const std::map<std::string, std::string> &map) const {
  import::CsvRemap remap;
  remap.columns = map;
  auto missing = [&](const QString &path, const std::vector<std::string> &ours) -> std::vector<std::string> {
    auto header = import::csvHeader(path.toStdString());
    if (!header) {
      problems << QString::fromStdString(header.error());
      return {};
    }
    return import::unmappedColumns(*header, ours, remap);
  };
  auto names = [](const std::vector<std::string> &cols) {
    QStringList l;
    for (const auto &c : cols)
      l << QString::fromStdString(c);
    return l.join(QStringLiteral(", "));
  };
  if (!m_imu->path().isEmpty() && QFileInfo(m_imu->path()).isFile()) {
    std::vector<std::string> ours{"timestamp_ns"};
    for (const auto &c : series::ImuSeries::channelColumns())
      ours.push_back(c);
    if (auto m = missing(m_imu->path(), ours); !m.empty())
      problems << tr("IMU CSV: %1 has no column for %2 (add ours=theirs to the column mapping).")
                      .arg(QFileInfo(m_imu->path()).fileName(), names(m));
  }
  if (!m_hands->path().isEmpty() && QFileInfo(m_hands->path()).isFile()) {
    std::vector<std::string> best;
    for (auto layout : {series::HandLayout::TrackingResultsV1, series::HandLayout::LandmarksOnly,
                        series::HandLayout::WristAndPalmV1}) {
      auto m = missing(m_hands->path(), series::HandSeries::layoutColumns(layout));
      if (m.empty())
        return;
      if (best.empty() || m.size() < best.size())
        best = m;
    }
    if (best.size() > 6)
      best.resize(6); // the first few say enough
    problems << tr("Hands CSV: %1 has no Aria hand columns for %2… (add ours=theirs to the column mapping).")
                    .arg(QFileInfo(m_hands->path()).fileName(), names(best));
  }
}

QStringList VideoImportForm::problems() const {
  QStringList p;
  requireFile(p, tr("Video"), m_video->path());
  requireFile(p, tr("IMU CSV"), m_imu->path(), true);
  requireFile(p, tr("Hands CSV"), m_hands->path(), true);
  if (m_camera->isChecked() && (m_fx->value() <= 0 || m_fy->value() <= 0))
    p << tr("Pinhole camera: fx and fy must be positive focal lengths in pixels.");
  QString mapProblem;
  const auto map = parseColumnMap(&mapProblem);
  if (!mapProblem.isEmpty())
    p << mapProblem;
  else
    checkSidecars(p, map);
  checkOutput(p);
  return p;
}

ImportJob VideoImportForm::job() const {
  import::VideoImportOptions o;
  o.video = m_video->path().toStdString();
  o.imu = m_imu->path().toStdString();
  o.hands = m_hands->path().toStdString();
  o.fpsHint = m_fps->value();
  if (m_camera->isChecked())
    o.camera = QStringLiteral("pinhole:%1,%2,%3,%4")
                   .arg(m_fx->value(), 0, 'g', 10)
                   .arg(m_fy->value(), 0, 'g', 10)
                   .arg(m_cx->value(), 0, 'g', 10)
                   .arg(m_cy->value(), 0, 'g', 10)
                   .toStdString();
  QString ignored;
  o.columnMap = parseColumnMap(&ignored);
  o.timeUnit = m_timeUnit->currentData().toString().toStdString();
  o.out = output()->path().toStdString();
  return [o](const import::Progress &progress) mutable {
    o.progress = progress;
    return import::importVideo(o);
  };
}

} // namespace tacit
