// Test-only LD_PRELOAD library: makes writes to files under $TACIT_ENOSPC_DIR fail with ENOSPC
// once $TACIT_ENOSPC_AFTER bytes (default 0) have been written there by the process. The real
// writers (SQLite, FFmpeg, HDF5, Qt, our AtomicFile) see exactly what a full disk gives them, on
// machines where a test cannot mount a small tmpfs.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static atomic_llong g_written;

static int underTarget(int fd) {
  const char *dir = getenv("TACIT_ENOSPC_DIR");
  if (!dir || !*dir || fd < 0)
    return 0;
  char link[64], path[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, path, sizeof path - 1);
  if (n <= 0)
    return 0;
  path[n] = '\0';
  return strncmp(path, dir, strlen(dir)) == 0;
}

// 1 when this write must fail.
static int full(int fd, size_t bytes) {
  if (!underTarget(fd))
    return 0;
  const char *after = getenv("TACIT_ENOSPC_AFTER");
  const long long limit = after ? atoll(after) : 0;
  const long long before = atomic_fetch_add(&g_written, (long long)bytes);
  return before + (long long)bytes > limit;
}

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
typedef ssize_t (*writev_fn)(int, const struct iovec *, int);

ssize_t write(int fd, const void *buf, size_t count) {
  static write_fn real;
  if (!real)
    real = (write_fn)dlsym(RTLD_NEXT, "write");
  if (full(fd, count)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, count);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) {
  static pwrite_fn real;
  if (!real)
    real = (pwrite_fn)dlsym(RTLD_NEXT, "pwrite");
  if (full(fd, count)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off_t offset) {
  static pwrite_fn real;
  if (!real)
    real = (pwrite_fn)dlsym(RTLD_NEXT, "pwrite64");
  if (full(fd, count)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) {
  static writev_fn real;
  if (!real)
    real = (writev_fn)dlsym(RTLD_NEXT, "writev");
  size_t total = 0;
  for (int i = 0; i < iovcnt; ++i)
    total += iov[i].iov_len;
  if (full(fd, total)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, iov, iovcnt);
}
