#include "core/workflow/applicationimport.h"

#include "core/workflow/jsonreader.h"

namespace dualrec::workflow {

namespace {

/// A premium given as a JSON number or string, as the form would hold it typed.
std::optional<QString> readPremium(JsonObjectReader &product)
{
    const auto value = product.value(QStringLiteral("premium"), Need::Required);
    if (!value)
        return std::nullopt;
    QString text;
    if (value->isDouble())
        text = QString::number(value->toDouble(), 'f', 2);
    else if (value->isString())
        text = value->toString();
    if (text.isEmpty() || !parseAmountFen(text)) {
        product.report().add(product.pathOf(QStringLiteral("premium")),
                             QStringLiteral("expected an amount in yuan greater than 0 with at most two decimals "
                                            "(a number or a string such as \"12000.00\"); found %1")
                                 .arg(value->isString() ? u'"' + value->toString() + u'"' : JsonObjectReader::typeName(*value)));
        return std::nullopt;
    }
    return text;
}

} // namespace

ApplicationImport parseApplicationImport(const QByteArray &json, const QString &filePath, const TemplateLibrary &library)
{
    JsonReport report(filePath);
    const auto root = report.parseDocument(json);
    if (!root)
        return {std::nullopt, report.diagnostics()};
    JsonObjectReader object(report, *root, QStringLiteral("$"));
    SaleForm form;

    const auto format = object.string(QStringLiteral("format"), Need::Required);
    if (format && *format != QLatin1String("dualrec-application"))
        report.add(object.pathOf(QStringLiteral("format")),
                   QStringLiteral("expected \"dualrec-application\"; found \"%1\"").arg(*format));
    (void)object.integer(QStringLiteral("format_version"), Need::Required, 1, 1);
    if (const auto number = object.string(QStringLiteral("application_no"), Need::Required))
        form.applicationNo = number->trimmed();

    if (auto policyholder = object.object(QStringLiteral("policyholder"), Need::Required)) {
        if (const auto name = policyholder->string(QStringLiteral("name"), Need::Required))
            form.policyholderName = name->trimmed();
        if (const auto id = policyholder->string(QStringLiteral("id_number"), Need::Required)) {
            form.policyholderIdNumber = id->trimmed();
            if (const auto parsed = parseResidentId(form.policyholderIdNumber, QDate()); !parsed)
                report.add(policyholder->pathOf(QStringLiteral("id_number")),
                           QStringLiteral("expected a valid resident ID number (18 characters, checksum); it is not"));
        }
        policyholder->finish();
    }
    if (auto insured = object.object(QStringLiteral("insured"), Need::Optional)) {
        if (const auto name = insured->string(QStringLiteral("name"), Need::Required))
            form.insuredName = name->trimmed();
        insured->finish();
    }
    if (const auto channel = object.enumeration(QStringLiteral("channel"), Need::Optional, kChannelNames))
        form.channel = *channel;
    static const QRegularExpression provincePattern(QStringLiteral("^\\d{2}$"));
    if (const auto province = object.string(QStringLiteral("province"), Need::Optional, provincePattern,
                                            QStringLiteral("a two-digit province code such as \"32\"")))
        form.provinceCode = *province;

    if (const auto products = object.array(QStringLiteral("products"), Need::Required)) {
        if (products->isEmpty())
            report.add(object.pathOf(QStringLiteral("products")), QStringLiteral("expected a non-empty list"));
        for (qsizetype i = 0; i < products->size(); ++i) {
            const QString path = object.pathOf(QStringLiteral("products")) + QStringLiteral("[%1]").arg(i);
            if (!products->at(i).isObject()) {
                report.add(path, QStringLiteral("expected an object, found ") + JsonObjectReader::typeName(products->at(i)));
                continue;
            }
            JsonObjectReader product(report, products->at(i).toObject(), path);
            QString templateId;
            const auto byTemplate = product.string(QStringLiteral("template"), Need::Optional);
            const auto byCode = product.string(QStringLiteral("product_code"), Need::Optional);
            if (byTemplate.has_value() == byCode.has_value()) {
                report.add(path, QStringLiteral("expected exactly one of \"template\" and \"product_code\""));
            } else if (byTemplate) {
                const auto *script = library.findTemplate(*byTemplate);
                if (!script || script->isBundle() || !script->product)
                    report.add(product.pathOf(QStringLiteral("template")),
                               QStringLiteral("expected the id of an installed product template; found \"%1\"").arg(*byTemplate));
                else
                    templateId = script->id;
            } else {
                for (const auto &script : library.templates()) {
                    if (!script.isBundle() && script.product && script.product->code == *byCode)
                        templateId = script.id;
                }
                if (templateId.isEmpty())
                    report.add(product.pathOf(QStringLiteral("product_code")),
                               QStringLiteral("expected the product code of an installed template; found \"%1\"").arg(*byCode));
            }
            ProductPayment payment;
            if (const auto premium = readPremium(product))
                payment.premium = *premium;
            if (const auto method = product.enumeration(QStringLiteral("payment_method"), Need::Required, kPaymentMethodNames))
                payment.method = *method;
            const auto years = product.integer(QStringLiteral("payment_years"),
                                               payment.method == PaymentMethod::Single ? Need::Optional : Need::Required, 1, 100);
            if (years)
                payment.years = int(*years);
            product.finish();
            if (!templateId.isEmpty()) {
                if (form.productTemplateIds.contains(templateId))
                    report.add(path, QStringLiteral("product \"%1\" is listed twice").arg(templateId));
                form.productTemplateIds.append(templateId);
                form.payments.append(payment);
            }
        }
    }
    object.finish();
    if (!report.clean())
        return {std::nullopt, report.diagnostics()};
    return {form, {}};
}

} // namespace dualrec::workflow
