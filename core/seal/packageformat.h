#pragma once

// What the package writer (packagewriter.cpp) and the verifier (packageverifier.cpp) share: the
// member names and how files are named in a package (docs/package-format.md). Internal to
// core/seal. Thread contract: constants and reentrant free functions.
#include "core/seal/opensslhandles.h"

#include <QByteArray>
#include <QString>

namespace dualrec::seal::packageformat {

inline const QString kManifestName = QStringLiteral("manifest.json");
inline const QString kSignatureName = QStringLiteral("manifest.json.p7s");

/// Lower-case hex.
[[nodiscard]] QString hex(const QByteArray &bytes);
/// SHA-256 of a key's SubjectPublicKeyInfo (DER), lower-case hex: names a recipient's key.
[[nodiscard]] QString publicKeySha256(EVP_PKEY *key);
/// A file's own name as a package takes it: [A-Za-z0-9._-], not starting with '.', at most 100.
[[nodiscard]] bool validMemberFileName(const QString &name);
/// "files/NN" of the file at `index` (NN from 01).
[[nodiscard]] QString memberBase(qsizetype index);

} // namespace dualrec::seal::packageformat
