#include "core/seal/writeback.h"

#include <fcntl.h>

namespace dualrec::seal {

void startWriteback(int descriptor, qint64 offset, qint64 length)
{
    if (descriptor >= 0 && length > 0)
        (void)::sync_file_range(descriptor, offset, length, SYNC_FILE_RANGE_WRITE); // a hint: fsync decides
}

} // namespace dualrec::seal
