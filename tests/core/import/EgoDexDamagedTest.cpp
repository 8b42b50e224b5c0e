// Damaged EgoDex HDF5 files (fuzz/fuzz_egodex_hdf5 findings): attributes that are arrays or empty,
// declared extents whose element count wraps around, task text that is not UTF-8. Each gives a
// clean Result from readEgoDexPoses, never a buffer overrun or a huge allocation.
#include <QTemporaryDir>
#include <QTest>
#include <hdf5.h>

#include "EgoDexTestFile.h"
#include "core/import/EgoDexPoses.h"

using namespace tacit;

namespace {

// Replaces root attribute `name` with an array of `n` values of `type` (from `values`).
void writeArrayAttr(hid_t file, const char *name, hid_t type, hsize_t n, const void *values) {
  if (H5Aexists(file, name) > 0)
    H5Adelete(file, name);
  hid_t space = n == 0 ? H5Screate(H5S_NULL) : H5Screate_simple(1, &n, nullptr);
  hid_t attr = H5Acreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  if (n > 0)
    H5Awrite(attr, type, values);
  H5Aclose(attr);
  H5Sclose(space);
}

} // namespace

class EgoDexDamagedTest : public QObject {
  Q_OBJECT
  QTemporaryDir m_dir;

  std::string episode(const char *name) {
    const std::string path = m_dir.filePath(name).toStdString();
    if (!egodextest::writeEpisode(path, 4))
      return {};
    return path;
  }

private slots:
  void initTestCase() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

  void arrayAttributesAreNotText() {
    const std::string path = episode("arrays.hdf5");
    QVERIFY(!path.empty());
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    const double numbers[64] = {1, 2, 3, 4, 5, 6};
    writeArrayAttr(f, "task", H5T_NATIVE_DOUBLE, 64, numbers); // used to be read into one double
    hid_t vlen = H5Tcopy(H5T_C_S1);
    H5Tset_size(vlen, H5T_VARIABLE);
    const char *texts[3] = {"a", "b", "c"};
    writeArrayAttr(f, "llm_description", vlen, 3, texts); // used to be read into one char*
    writeArrayAttr(f, "llm_type", vlen, 0, nullptr);      // empty dataspace
    H5Tclose(vlen);
    H5Fclose(f);

    auto file = import::Hdf5File::open(path);
    QVERIFY2(file.ok(), file.error().c_str());
    QVERIFY(!file->attribute("task"));
    QVERIFY(!file->attribute("llm_description"));
    QVERIFY(!file->attribute("llm_type"));
    auto poses = import::readEgoDexPoses(*file);
    QVERIFY2(poses.ok(), poses.error().c_str());
    QCOMPARE(poses->task, std::string()); // no usable text: the importer falls back to the folder name
    QCOMPARE(poses->camera.size(), std::size_t(4));
  }

  void wrappingExtentIsRefused() {
    const std::string path = episode("huge.hdf5");
    QVERIFY(!path.empty());
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    H5Ldelete(f, "/transforms/camera", H5P_DEFAULT);
    // 2^60 x 4 x 4 elements = 2^64: the unchecked product was 0, and the frames were then allocated.
    const hsize_t dims[3] = {hsize_t(1) << 60, 4, 4}, chunk[3] = {1, 4, 4};
    hid_t space = H5Screate_simple(3, dims, nullptr);
    hid_t dcpl = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(dcpl, 3, chunk);
    hid_t d = H5Dcreate2(f, "/transforms/camera", H5T_IEEE_F32LE, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    QVERIFY(d >= 0);
    H5Dclose(d);
    H5Pclose(dcpl);
    H5Sclose(space);
    H5Fclose(f);

    auto file = import::Hdf5File::open(path);
    QVERIFY2(file.ok(), file.error().c_str());
    auto poses = import::readEgoDexPoses(*file);
    QVERIFY(!poses.ok());
    QCOMPARE(poses.error(), std::string("huge.hdf5: /transforms/camera is too large"));
  }

  void taskTextThatIsNotUtf8IsRepaired() {
    const std::string path = episode("latin1.hdf5");
    QVERIFY(!path.empty());
    hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    H5Adelete(f, "llm_description");
    egodextest::writeAttr(f, "llm_description",
                          "Tasse \xfc"
                          "ber den Tisch");
    H5Fclose(f);

    auto file = import::Hdf5File::open(path);
    QVERIFY2(file.ok(), file.error().c_str());
    auto poses = import::readEgoDexPoses(*file);
    QVERIFY2(poses.ok(), poses.error().c_str());
    QCOMPARE(poses->task, std::string("Tasse \xef\xbf\xbd"
                                      "ber den Tisch"));
    QCOMPARE(poses->warnings.size(), std::size_t(1));
    QVERIFY(poses->warnings.front().find("latin1.hdf5: the task attribute is not valid UTF-8") == 0);
  }
};

QTEST_GUILESS_MAIN(EgoDexDamagedTest)
#include "EgoDexDamagedTest.moc"
