#include "plaintext.h"

namespace marginalia {

QString plainTooltip(const QString &text)
{
    // Qt::mightBeRichText() (QtGui) says yes only to a '<' or an "&lt;", so a string with neither is shown
    // as it is; checking for the two characters keeps this helper in QtCore and errs on the safe side.
    if (!text.contains(u'<') && !text.contains(u'&'))
        return text;
    // pre-wrap keeps the line breaks and runs of spaces a plain tooltip would show.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + text.toHtmlEscaped() + QStringLiteral("</p>");
}

QString joinedTooltips(const QString &first, const QString &second)
{
    if (first.isEmpty() || second.isEmpty())
        return first.isEmpty() ? second : first;
    const auto plain = [](const QString &tip) { return !tip.contains(u'<') && !tip.contains(u'&'); };
    if (plain(first) && plain(second))
        return first + QStringLiteral("\n\n") + second;
    // A plain one holds no markup characters, so wrapping it makes it rich text showing the same.
    const auto rich = [&plain](const QString &tip) {
        return plain(tip) ? QStringLiteral("<p style=\"white-space:pre-wrap\">") + tip + QStringLiteral("</p>") : tip;
    };
    return rich(first) + QStringLiteral("<hr/>") + rich(second);
}

} // namespace marginalia
