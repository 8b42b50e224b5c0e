#include <QTemporaryDir>
#include <QtTest>

#include "ReadersHelper.h"
#include "core/export/ParquetWriter.h"

using namespace tacit::exporting;
using nlohmann::json;

class ParquetWriterTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

  ParquetTable sampleTable(int rows) {
    ParquetTable t;
    std::vector<std::int64_t> idx;
    std::vector<float> ts;
    std::vector<double> d;
    std::vector<std::string> s;
    std::vector<std::vector<float>> state;
    std::vector<std::vector<std::string>> tasks;
    std::vector<std::vector<std::int64_t>> counts;
    std::vector<std::vector<double>> dl;
    for (int i = 0; i < rows; ++i) {
      idx.push_back(i == 1 ? -5 : std::int64_t(i) * 1000000007LL);
      ts.push_back(i / 30.0f);
      d.push_back(i * 0.25 - 3.0);
      s.push_back(i % 3 == 0 ? std::string() : "task " + std::to_string(i) + " \xc3\xa9");
      std::vector<float> v;
      for (int k = 0; k < 6; ++k)
        v.push_back(i + k * 0.5f);
      state.push_back(v);
      tasks.push_back(i % 2 ? std::vector<std::string>{"a", "b c"} : std::vector<std::string>{});
      counts.push_back({i});
      dl.push_back(std::vector<double>(static_cast<std::size_t>(i % 4), 1.5 * i));
    }
    t.addInt64("index", idx);
    t.addFloat32("timestamp", ts);
    t.addFloat64("value", d);
    t.addString("name", s);
    t.addFloat32List("observation.state", state);
    t.addStringList("tasks", tasks);
    t.addInt64List("stats/count", counts);
    t.addFloat64List("stats/mean", dl);
    t.setMetadata("huggingface", R"({"info":{"features":{}}})");
    return t;
  }

  void checkRows(const json &out, int rows) {
    QVERIFY(!out.is_null());
    QCOMPARE(out["num_rows"].get<int>(), rows);
    QCOMPARE(int(out["rows"].size()), rows);
    for (int i = 0; i < rows; ++i) {
      const json &r = out["rows"][i];
      QCOMPARE(r["index"].get<std::int64_t>(), i == 1 ? -5 : std::int64_t(i) * 1000000007LL);
      QCOMPARE(r["timestamp"].get<float>(), i / 30.0f);
      QCOMPARE(r["value"].get<double>(), i * 0.25 - 3.0);
      QCOMPARE(r["name"].get<std::string>(), i % 3 == 0 ? std::string() : "task " + std::to_string(i) + " \xc3\xa9");
      QCOMPARE(int(r["observation.state"].size()), 6);
      for (int k = 0; k < 6; ++k)
        QCOMPARE(r["observation.state"][k].get<float>(), i + k * 0.5f);
      QCOMPARE(int(r["tasks"].size()), i % 2 ? 2 : 0);
      if (i % 2)
        QCOMPARE(r["tasks"][1].get<std::string>(), std::string("b c"));
      QCOMPARE(r["stats/count"][0].get<int>(), i);
      QCOMPARE(int(r["stats/mean"].size()), i % 4);
    }
  }

private slots:
  void initTestCase() { QVERIFY(m_dir.isValid()); }

  void plainFileReadsBackInHyparquet() {
    const QString path = m_dir.filePath("plain.parquet");
    QVERIFY(sampleTable(37).write(path.toStdString()).ok());
    const json out = tacit::testing::readParquet(path);
    checkRows(out, 37);
    QCOMPARE(out["metadata"]["huggingface"].get<std::string>(), std::string(R"({"info":{"features":{}}})"));
    QVERIFY(out["created_by"].get<std::string>().rfind("tacit version ", 0) == 0);
    // Arrow's 3-level list layout: <name> (LIST) > list (REPEATED) > element.
    bool sawList = false;
    for (const auto &s : out["schema"])
      if (s["name"] == "list" && s["repetition"] == "REPEATED")
        sawList = true;
    QVERIFY(sawList);
  }

  void arrowSchemaDecodesInApacheArrow() {
    // The footer's ARROW:schema, decoded by Apache Arrow's own IPC reader, names every column with
    // the Arrow type pyarrow would give it (lists with an "item" child) and carries the metadata.
    const QString path = m_dir.filePath("arrow.parquet");
    QVERIFY(sampleTable(5).write(path.toStdString()).ok());
    const json out = tacit::testing::readParquet(path);
    QVERIFY(!out.is_null());
    QVERIFY(out["metadata"].contains("ARROW:schema"));
    const json &a = out["arrow_schema"];
    QVERIFY(a.is_object());
    const std::vector<std::pair<std::string, std::string>> expect = {{"index", "Int64"},
                                                                     {"timestamp", "Float32"},
                                                                     {"value", "Float64"},
                                                                     {"name", "Utf8"},
                                                                     {"observation.state", "List<Float32>"},
                                                                     {"tasks", "List<Utf8>"},
                                                                     {"stats/count", "List<Int64>"},
                                                                     {"stats/mean", "List<Float64>"}};
    QCOMPARE(a["fields"].size(), expect.size());
    for (std::size_t i = 0; i < expect.size(); ++i) {
      const json &f = a["fields"][i];
      QCOMPARE(f["name"].get<std::string>(), expect[i].first);
      QCOMPARE(f["type"].get<std::string>(), expect[i].second);
      QCOMPARE(f["nullable"].get<bool>(), false); // the Parquet columns are required
    }
    QCOMPARE(a["fields"][4]["children"][0]["name"].get<std::string>(), std::string("item"));
    QCOMPARE(a["metadata"]["huggingface"].get<std::string>(), std::string(R"({"info":{"features":{}}})"));
  }

  void zstdFileReadsBackInHyparquet() {
    const QString path = m_dir.filePath("zstd.parquet");
    // Enough rows that levels use long runs and the values compress.
    QVERIFY(sampleTable(2000).write(path.toStdString(), ParquetCompression::Zstd).ok());
    QVERIFY(QFileInfo(path).size() < QFileInfo(m_dir.filePath("plain.parquet")).size() * 2000 / 37);
    checkRows(tacit::testing::readParquet(path), 2000);
  }

  void singleRowAndManyColumnsWork() {
    // > 15 fields / list entries exercise Thrift's long list and field-id headers.
    ParquetTable t;
    for (int c = 0; c < 20; ++c)
      t.addInt64("c" + std::to_string(c), {c});
    const QString path = m_dir.filePath("wide.parquet");
    QVERIFY(t.write(path.toStdString()).ok());
    const json out = tacit::testing::readParquet(path);
    QCOMPARE(out["num_rows"].get<int>(), 1);
    QCOMPARE(out["rows"][0]["c19"].get<int>(), 19);
  }

  void mismatchedRowCountsAreRejected() {
    ParquetTable t;
    t.addInt64("a", {1, 2, 3});
    t.addFloat32("b", {1.0f});
    auto r = t.serialize();
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("parquet: column 'b' has 1 rows, expected 3"));
  }

  void unwritablePathNamesTheFile() {
    ParquetTable t;
    t.addInt64("a", {1});
    auto s = t.write("/nonexistent-folder/x.parquet");
    QVERIFY(!s.ok());
    QVERIFY(QString::fromStdString(s.error()).startsWith("/nonexistent-folder/x.parquet: "));
  }
};

QTEST_GUILESS_MAIN(ParquetWriterTest)
#include "ParquetWriterTest.moc"
