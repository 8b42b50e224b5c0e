#pragma once
// One importer's form in the Import dialog: its fields, validation with messages that name the
// field, and the import job built from the current values (run on a worker thread).
#include <QStringList>
#include <QWidget>
#include <functional>

#include "core/import/AriaImporter.h"

class QFormLayout;

namespace tacit {

class PathField;

// Runs one import with the given progress callback (which may cancel). Called on a worker thread:
// it must only use values captured when the job was built.
using ImportJob = std::function<Result<import::ImportSummary>(const import::Progress &)>;

class ImportForm : public QWidget {
  Q_OBJECT
public:
  explicit ImportForm(QWidget *parent = nullptr);

  virtual QString title() const = 0;
  // What must be fixed before the import can run (one sentence each); empty when ready.
  virtual QStringList problems() const = 0;
  // The import with the current values; only called when problems() is empty.
  virtual ImportJob job() const = 0;

  PathField *output() const { return m_output; }

signals:
  void changed(); // any field edited

protected:
  // Adds the "Output folder" row last; call at the end of the subclass constructor.
  void addOutputRow();
  QFormLayout *form() const { return m_form; }
  void watch(PathField *field);
  // Problems shared by every form: a required input file/folder, the destination folder.
  static void requireFile(QStringList &problems, const QString &label, const QString &path, bool optional = false);
  static void requireFolder(QStringList &problems, const QString &label, const QString &path, bool optional = false);
  void checkOutput(QStringList &problems) const;

private:
  QFormLayout *m_form = nullptr;
  PathField *m_output = nullptr;
};

} // namespace tacit
