#include "widgets/import/ImportForm.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>

#include "core/import/ImportStaging.h"
#include "widgets/import/PathField.h"

namespace tacit {

ImportForm::ImportForm(QWidget *parent) : QWidget(parent) {
  m_form = new QFormLayout(this);
  m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
}

void ImportForm::addOutputRow() {
  m_output = new PathField(PathField::Mode::NewFolder, QString(), this);
  m_output->setObjectName(QStringLiteral("output"));
  m_output->setPlaceholder(tr("New recording folder (must not exist)"));
  m_form->addRow(tr("Output folder:"), m_output);
  watch(m_output);
}

void ImportForm::watch(PathField *field) {
  connect(field, &PathField::pathChanged, this, &ImportForm::changed);
}

void ImportForm::requireFile(QStringList &problems, const QString &label, const QString &path, bool optional) {
  if (path.isEmpty()) {
    if (!optional)
      problems << tr("%1: choose a file.").arg(label);
    return;
  }
  const QFileInfo info(path);
  if (!info.exists())
    problems << tr("%1: %2 does not exist.").arg(label, path);
  else if (!info.isFile())
    problems << tr("%1: %2 is not a file.").arg(label, path);
  else if (!info.isReadable())
    problems << tr("%1: %2 cannot be read.").arg(label, path);
}

void ImportForm::requireFolder(QStringList &problems, const QString &label, const QString &path, bool optional) {
  if (path.isEmpty()) {
    if (!optional)
      problems << tr("%1: choose a folder.").arg(label);
    return;
  }
  const QFileInfo info(path);
  if (!info.exists())
    problems << tr("%1: %2 does not exist.").arg(label, path);
  else if (!info.isDir())
    problems << tr("%1: %2 is not a folder.").arg(label, path);
}

void ImportForm::checkOutput(QStringList &problems) const {
  const QString out = m_output->path();
  const QString label = tr("Output folder");
  if (out.isEmpty()) {
    problems << tr("%1: choose where the new recording folder goes.").arg(label);
    return;
  }
  const QFileInfo info(out);
  // The importers' own rule (core/util/OutputFolder.h), so the form and the import agree.
  if (Status st = import::checkImportOutput(out.toStdString()); !st)
    problems << tr("%1: %2").arg(label, QString::fromStdString(st.error()));
  else if (!QFileInfo(info.absolutePath()).isDir())
    problems << tr("%1: the parent folder %2 does not exist.").arg(label, info.absolutePath());
}

} // namespace tacit
