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

} // namespace marginalia
