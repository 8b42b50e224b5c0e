#include "widgets/import/EgoDexImportForm.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>

#include "core/import/EgoDexImporter.h"
#include "widgets/import/PathField.h"

namespace tacit {

EgoDexImportForm::EgoDexImportForm(QWidget *parent) : ImportForm(parent) {
  m_hdf5 = new PathField(PathField::Mode::ExistingFile, tr("EgoDex episodes (*.hdf5 *.h5);;All files (*)"), this);
  m_hdf5->setObjectName(QStringLiteral("hdf5"));
  m_video = new PathField(PathField::Mode::ExistingFile, tr("Videos (*.mp4 *.mov);;All files (*)"), this);
  m_video->setObjectName(QStringLiteral("video"));
  m_video->setPlaceholder(tr("The episode's MP4 (default: next to the HDF5)"));
  form()->addRow(tr("Episode HDF5:"), m_hdf5);
  form()->addRow(tr("Episode video:"), m_video);
  addOutputRow();
  watch(m_hdf5);
  watch(m_video);
  // EgoDex ships EPISODE.hdf5 next to EPISODE.mp4: fill the video in when it is still empty.
  connect(m_hdf5, &PathField::pathChanged, this, [this](const QString &path) {
    const QFileInfo info(path);
    const QString mp4 = info.dir().filePath(info.completeBaseName() + QStringLiteral(".mp4"));
    if (m_video->path().isEmpty() && info.isFile() && QFileInfo::exists(mp4))
      m_video->setPath(mp4);
  });
}

QStringList EgoDexImportForm::problems() const {
  QStringList p;
  requireFile(p, tr("Episode HDF5"), m_hdf5->path());
  requireFile(p, tr("Episode video"), m_video->path());
  checkOutput(p);
  return p;
}

ImportJob EgoDexImportForm::job() const {
  import::EgoDexImportOptions o;
  o.hdf5 = m_hdf5->path().toStdString();
  o.video = m_video->path().toStdString();
  o.out = output()->path().toStdString();
  return [o](const import::Progress &progress) mutable {
    o.progress = progress;
    return import::importEgoDex(o);
  };
}

} // namespace tacit
