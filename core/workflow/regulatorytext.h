#pragma once

#include <QString>

namespace dualrec::workflow {

/// Texts fixed by regulation (../shared/docs/domain.md §2 and §8). Templates must carry them
/// character for character; nobody may edit them.

/// The mandated prompt read right after consent.
[[nodiscard]] inline QString mandatedPromptText()
{
    return QStringLiteral(
        "此次录音录像过程对于今后您维护权益非常关键，请您认真阅读您签署文件的具体内容，如实回答相关问题。"
        "如果销售人员向您作出任何与书面文件内容不一致的承诺，建议您与销售人员通过书面形式予以确认，"
        "以便更好地维护您的合法权益。");
}

/// The risk statement the customer copies by hand for products with uncertain benefits.
[[nodiscard]] inline QString riskStatementText()
{
    return QStringLiteral("本人已阅读保险条款、产品说明书和投保提示书，了解本产品的特点和保单利益的不确定性。");
}

} // namespace dualrec::workflow
