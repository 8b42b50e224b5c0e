#pragma once
// Sort/filter proxy of the segment table: times sort by nanoseconds (not by their text), labels by
// path, and the filter text matches any column.
#include <QSortFilterProxyModel>

namespace tacit {

class SegmentSortProxy : public QSortFilterProxyModel {
  Q_OBJECT
public:
  explicit SegmentSortProxy(QObject *parent = nullptr);

protected:
  bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace tacit
