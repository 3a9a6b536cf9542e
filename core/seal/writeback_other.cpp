#include "core/seal/writeback.h"

namespace dualrec::seal {

void startWriteback(int, qint64, qint64) {}

} // namespace dualrec::seal
