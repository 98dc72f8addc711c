#include "plaintext.h"

namespace marginalia {

namespace {

// Qt::mightBeRichText() (QtGui) says yes only to a '<' or an "&lt;", so a string with neither is shown as
// it is; checking for the two characters keeps this helper in QtCore and errs on the safe side.
bool shownAsItIs(const QString &text)
{
    return !text.contains(u'<') && !text.contains(u'&');
}

// A paragraph of rich text showing `escaped`; pre-wrap keeps the line breaks and runs of spaces a plain
// tooltip would show.
QString paragraph(const QString &escaped)
{
    return QStringLiteral("<p style=\"white-space:pre-wrap\">") + escaped + QStringLiteral("</p>");
}

} // namespace

QString plainTooltip(const QString &text)
{
    return shownAsItIs(text) ? text : paragraph(text.toHtmlEscaped());
}

QString joinedTooltips(const QString &first, const QString &second)
{
    if (first.isEmpty() || second.isEmpty())
        return first.isEmpty() ? second : first;
    if (shownAsItIs(first) && shownAsItIs(second))
        return first + QStringLiteral("\n\n") + second;
    // A plain one holds no markup characters, so as a paragraph it is rich text showing the same.
    const auto rich = [](const QString &tip) { return shownAsItIs(tip) ? paragraph(tip) : tip; };
    return rich(first) + QStringLiteral("<hr/>") + rich(second);
}

} // namespace marginalia
