#include "widgets/project/SegmentSortProxy.h"

#include "core/project/SegmentTableModel.h"

namespace tacit {

using project::SegmentTableModel;

SegmentSortProxy::SegmentSortProxy(QObject *parent) : QSortFilterProxyModel(parent) {
  setFilterKeyColumn(-1);
  setFilterCaseSensitivity(Qt::CaseInsensitive);
  setSortCaseSensitivity(Qt::CaseInsensitive);
}

bool SegmentSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const {
  auto ns = [](const QModelIndex &i, int role) { return i.data(role).toLongLong(); };
  switch (left.column()) {
  case SegmentTableModel::StartColumn:
  case SegmentTableModel::FramesColumn:
  case SegmentTableModel::DeviceTimeColumn:
    return ns(left, SegmentTableModel::StartNsRole) < ns(right, SegmentTableModel::StartNsRole);
  case SegmentTableModel::EndColumn:
    return ns(left, SegmentTableModel::EndNsRole) < ns(right, SegmentTableModel::EndNsRole);
  case SegmentTableModel::DurationColumn:
    return ns(left, SegmentTableModel::EndNsRole) - ns(left, SegmentTableModel::StartNsRole) <
           ns(right, SegmentTableModel::EndNsRole) - ns(right, SegmentTableModel::StartNsRole);
  default: return QSortFilterProxyModel::lessThan(left, right);
  }
}

} // namespace tacit
