#include "widgets/import/AriaImportForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>

#include "widgets/import/PathField.h"

namespace tacit {

AriaImportForm::AriaImportForm(QWidget *parent) : ImportForm(parent) {
  m_mps = new PathField(PathField::Mode::ExistingFolder, QString(), this);
  m_mps->setObjectName(QStringLiteral("mps"));
  m_mps->setPlaceholder(tr("Folder with slam/, eye_gaze/, hand_tracking/ (optional with a VRS)"));
  m_sourceKind = new QComboBox(this);
  m_sourceKind->setObjectName(QStringLiteral("sourceKind"));
  m_sourceKind->addItem(tr("VRS recording"));
  m_sourceKind->addItem(tr("Exported RGB video"));
  m_source = new PathField(PathField::Mode::ExistingFile, tr("VRS recordings (*.vrs);;All files (*)"), this);
  m_source->setObjectName(QStringLiteral("source"));
  m_calibration = new PathField(PathField::Mode::ExistingFile, tr("Calibration JSON (*.json);;All files (*)"), this);
  m_calibration->setObjectName(QStringLiteral("calibration"));
  m_calibration->setPlaceholder(tr("Optional: factory calibration (default: from the VRS or MPS)"));
  m_videoStart = new QLineEdit(this);
  m_videoStart->setObjectName(QStringLiteral("videoStartNs"));
  m_videoStart->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("-?\\d{0,19}")), this));
  m_videoStart->setPlaceholderText(tr("Optional: device time of the first frame (ns)"));

  form()->addRow(tr("MPS folder:"), m_mps);
  form()->addRow(tr("RGB source:"), m_sourceKind);
  form()->addRow(tr("Source file:"), m_source);
  form()->addRow(tr("Calibration JSON:"), m_calibration);
  form()->addRow(tr("First frame time:"), m_videoStart);
  addOutputRow();
  watch(m_mps);
  watch(m_source);
  watch(m_calibration);
  connect(m_videoStart, &QLineEdit::textChanged, this, &ImportForm::changed);
  connect(m_sourceKind, &QComboBox::currentIndexChanged, this, [this] { setSource(source()); });
  setSource(Source::Vrs);
}

AriaImportForm::Source AriaImportForm::source() const {
  return static_cast<Source>(m_sourceKind->currentIndex());
}

void AriaImportForm::setSource(Source s) {
  m_sourceKind->setCurrentIndex(static_cast<int>(s));
  const bool vrs = s == Source::Vrs;
  m_source->setPlaceholder(vrs ? tr("Aria recording (.vrs): RGB stream, IMU and calibration")
                               : tr("RGB video exported from the recording"));
  m_source->setFilter(vrs ? tr("VRS recordings (*.vrs);;All files (*)")
                          : tr("Videos (*.mp4 *.mov *.mkv);;All files (*)"));
  // The VRS carries the first frame's device time; an exported video does not.
  m_videoStart->setEnabled(!vrs);
  emit changed();
}

QStringList AriaImportForm::problems() const {
  QStringList p;
  const bool vrs = source() == Source::Vrs;
  requireFolder(p, tr("MPS folder"), m_mps->path(), vrs);
  requireFile(p, vrs ? tr("VRS file") : tr("RGB video"), m_source->path());
  requireFile(p, tr("Calibration JSON"), m_calibration->path(), true);
  if (!vrs && !m_videoStart->text().isEmpty()) {
    bool ok = false;
    m_videoStart->text().toLongLong(&ok);
    if (!ok)
      p << tr("First frame time: expected an integer number of nanoseconds.");
  }
  checkOutput(p);
  return p;
}

ImportJob AriaImportForm::job() const {
  import::AriaImportOptions o;
  o.mpsDir = m_mps->path().toStdString();
  (source() == Source::Vrs ? o.vrs : o.video) = m_source->path().toStdString();
  o.calibration = m_calibration->path().toStdString();
  if (source() == Source::Video && !m_videoStart->text().isEmpty())
    o.videoStartNs = m_videoStart->text().toLongLong();
  o.out = output()->path().toStdString();
  return [o](const import::Progress &progress) mutable {
    o.progress = progress;
    return import::importAria(o);
  };
}

} // namespace tacit
