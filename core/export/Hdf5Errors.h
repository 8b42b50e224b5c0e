#pragma once
// HDF5's error stack as one message. Debian's HDF5 is thread-safe, so each thread has its own stack
// and its own automatic printing (23 lines of HDF5-DIAG on a full disk): every thread that calls
// HDF5 turns printing off, and a failure is described by walking that thread's stack.
#include <string>

namespace tacit::exporting {

// Turns off HDF5's automatic error printing for the calling thread.
void silenceHdf5Errors();
// "disk full" when the stack holds ENOSPC, else the innermost description ("" when empty);
// clears the calling thread's stack.
std::string takeHdf5Error();

} // namespace tacit::exporting
