#include "widgets/import/PathField.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace tacit {

PathField::PathField(Mode mode, const QString &filter, QWidget *parent)
    : QWidget(parent), m_mode(mode), m_filter(filter) {
  auto *layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_edit = new QLineEdit(this);
  m_edit->setClearButtonEnabled(true);
  m_browse = new QToolButton(this);
  m_browse->setText(tr("Browse…"));
  layout->addWidget(m_edit, 1);
  layout->addWidget(m_browse);
  connect(m_browse, &QToolButton::clicked, this, &PathField::browse);
  connect(m_edit, &QLineEdit::textChanged, this, [this] { emit pathChanged(path()); });
}

QString PathField::path() const {
  return m_edit->text().trimmed();
}

void PathField::setPath(const QString &path) {
  m_edit->setText(path);
}

void PathField::setPlaceholder(const QString &text) {
  m_edit->setPlaceholderText(text);
}

void PathField::browse() {
  const QString start = path().isEmpty() ? QString() : QFileInfo(path()).absolutePath();
  QString chosen;
  switch (m_mode) {
  case Mode::ExistingFile: chosen = QFileDialog::getOpenFileName(this, tr("Choose File"), start, m_filter); break;
  case Mode::ExistingFolder:
    chosen = QFileDialog::getExistingDirectory(this, tr("Choose Folder"), path().isEmpty() ? start : path());
    break;
  case Mode::NewFolder: // the importer creates the folder; pick its name in an existing parent
    chosen = QFileDialog::getSaveFileName(this, tr("New Recording Folder"), start, QString(), nullptr,
                                          QFileDialog::ShowDirsOnly);
    break;
  }
  if (!chosen.isEmpty())
    setPath(chosen);
}

} // namespace tacit
