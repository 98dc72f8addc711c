#include "unicodeinput.h"

#include "util/translate.h"

#include <QRegularExpression>
#include <QStringDecoder>

#include <optional>

namespace marginalia {

namespace {

struct Detected {
    QStringConverter::Encoding encoding;
    qsizetype bomSize;
    const char *name;
};

// UTF-32 first: its little-endian mark begins with UTF-16's.
std::optional<Detected> detect(const QByteArray &data)
{
    const auto starts = [&](const char *bytes, qsizetype n) { return data.startsWith(QByteArrayView(bytes, n)); };
    if (starts("\xFF\xFE\x00\x00", 4))
        return Detected{QStringConverter::Utf32LE, 4, "UTF-32"};
    if (starts("\x00\x00\xFE\xFF", 4))
        return Detected{QStringConverter::Utf32BE, 4, "UTF-32"};
    if (starts("\xFF\xFE", 2))
        return Detected{QStringConverter::Utf16LE, 2, "UTF-16"};
    if (starts("\xFE\xFF", 2))
        return Detected{QStringConverter::Utf16BE, 2, "UTF-16"};
    // Without a mark, XML starts with "<" (XML 1.0, appendix F).
    if (starts("\x3C\x00\x00\x00", 4))
        return Detected{QStringConverter::Utf32LE, 0, "UTF-32"};
    if (starts("\x00\x00\x00\x3C", 4))
        return Detected{QStringConverter::Utf32BE, 0, "UTF-32"};
    if (starts("\x3C\x00", 2))
        return Detected{QStringConverter::Utf16LE, 0, "UTF-16"};
    if (starts("\x00\x3C", 2))
        return Detected{QStringConverter::Utf16BE, 0, "UTF-16"};
    return std::nullopt;
}

// The declaration named the encoding the bytes were in; they are UTF-8 now.
void declareUtf8(QString &text)
{
    if (!text.startsWith(QLatin1String("<?xml")))
        return;
    const qsizetype end = text.indexOf(QLatin1String("?>"));
    const qsizetype at = text.indexOf(QLatin1String("encoding"));
    if (end < 0 || at < 0 || at > end)
        return;
    const qsizetype open = text.indexOf(QRegularExpression(QStringLiteral("[\"']")), at);
    if (open < 0 || open > end)
        return;
    const qsizetype close = text.indexOf(text.at(open), open + 1);
    if (close < 0 || close > end)
        return;
    text.replace(open + 1, close - open - 1, QStringLiteral("UTF-8"));
}

} // namespace

Result<QByteArray> asUtf8(const QByteArray &data, const QString &fileName)
{
    const std::optional<Detected> found = detect(data);
    if (!found)
        return data;
    QStringDecoder decoder(found->encoding, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(QByteArrayView(data).sliced(found->bomSize));
    // Qt passes a lone surrogate through; the text would then hold one the UTF-8 cannot.
    if (decoder.hasError() || !QStringView(text).isValidUtf16())
        return fail(fileName, 0, 0, Tr::tr("the file starts as %1 but is not valid %1; save it as UTF-8").arg(QLatin1String(found->name)));
    declareUtf8(text);
    return text.toUtf8();
}

bool declaresUtf8(const QByteArray &data)
{
    const QByteArray head = data.left(200);
    const qsizetype at = head.indexOf("encoding=");
    if (at < 0 || head.indexOf("?>") < at)
        return true;
    const QByteArray value = head.mid(at + 10, 5).toLower();
    return value.startsWith("utf-8") || value.startsWith("utf8");
}

} // namespace marginalia
