#pragma once

// RAII owners of OpenSSL handles (style P10): they live only in core/seal.
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace dualrec::seal::ossl {

template<typename T, void (*Free)(T *)>
struct Deleter {
    void operator()(T *p) const { Free(p); }
};

inline void freeBio(BIO *bio) { BIO_free_all(bio); }
inline void freeCertStack(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }

using BioPtr = std::unique_ptr<BIO, Deleter<BIO, freeBio>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, Deleter<X509_REQ, X509_REQ_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using CertStackPtr = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), freeCertStack>>;

/// SHA-256 through OpenSSL (SHA-NI where the CPU has it; several times faster than
/// QCryptographicHash on Qt 6.4 for gigabyte files). Thread contract: one thread at a time.
class Sha256 final
{
public:
    Sha256() : m_context(EVP_MD_CTX_new()) { EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr); }
    void addData(QByteArrayView data) { EVP_DigestUpdate(m_context.get(), data.data(), size_t(data.size())); }
    /// The digest (32 bytes); call once.
    [[nodiscard]] QByteArray result()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned size = 0;
        EVP_DigestFinal_ex(m_context.get(), digest, &size);
        return QByteArray(reinterpret_cast<const char *>(digest), int(size));
    }

private:
    MdCtxPtr m_context;
};

/// OpenSSL's queued error text (and clears the queue), for an Error's detail.
inline QString lastError()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QString::fromLatin1(buffer);
    }
    return text.isEmpty() ? QStringLiteral("no detail from OpenSSL") : text;
}

/// A read-only memory BIO over `data` (which must outlive it).
inline BioPtr memoryBio(const QByteArray &data)
{
    return BioPtr(BIO_new_mem_buf(data.constData(), int(data.size())));
}

/// What a memory BIO holds.
inline QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

} // namespace dualrec::seal::ossl
