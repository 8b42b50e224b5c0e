#pragma once
// Aria MPS import (`tacit-cli import aria-mps`): MPS folder, the RGB source (an exported video or
// the VRS recording), an optional factory calibration JSON, the output folder.
#include "widgets/import/ImportForm.h"

class QComboBox;
class QLineEdit;

namespace tacit {

class AriaImportForm : public ImportForm {
  Q_OBJECT
public:
  enum class Source { Vrs = 0, Video = 1 };
  explicit AriaImportForm(QWidget *parent = nullptr);

  QString title() const override { return tr("Aria MPS"); }
  QStringList problems() const override;
  ImportJob job() const override;

  void setSource(Source source);
  PathField *mpsFolder() const { return m_mps; }
  PathField *sourceFile() const { return m_source; }
  PathField *calibration() const { return m_calibration; }

private:
  Source source() const;

  PathField *m_mps = nullptr;
  QComboBox *m_sourceKind = nullptr;
  PathField *m_source = nullptr;
  PathField *m_calibration = nullptr;
  QLineEdit *m_videoStart = nullptr;
};

} // namespace tacit
