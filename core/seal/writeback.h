#pragma once

#include <QtGlobal>

namespace dualrec::seal {

/// Asks the OS to start writing `length` bytes of the open file `descriptor` from `offset` to
/// the disk now, without waiting (Linux: sync_file_range(SYNC_FILE_RANGE_WRITE)); elsewhere it
/// does nothing. A long write then ends with a short fsync instead of the whole file's, and does
/// not fill the page cache with dirty pages. It guarantees nothing: fsync still decides.
/// Thread contract: any thread.
void startWriteback(int descriptor, qint64 offset, qint64 length);

} // namespace dualrec::seal
