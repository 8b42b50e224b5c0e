#pragma once
// EgoDex import (`tacit-cli import egodex`): the episode HDF5, its MP4 (defaults to the file next
// to the HDF5), the output folder.
#include "widgets/import/ImportForm.h"

namespace tacit {

class EgoDexImportForm : public ImportForm {
  Q_OBJECT
public:
  explicit EgoDexImportForm(QWidget *parent = nullptr);

  QString title() const override { return tr("EgoDex"); }
  QStringList problems() const override;
  ImportJob job() const override;

  PathField *hdf5() const { return m_hdf5; }
  PathField *video() const { return m_video; }

private:
  PathField *m_hdf5 = nullptr;
  PathField *m_video = nullptr;
};

} // namespace tacit
