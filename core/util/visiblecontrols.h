#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace marginalia {

// Whether a text's own line breaks and tabs are layout (a document's reading text, a whole message) or
// part of one field that must stay on its line (a tag in a tab-separated list).
enum class LineBreaks { Keep, Show };

// Text from a document, a file name or an annotation, safe to print to a terminal: nothing in it can
// move the cursor, retitle the window or reorder what is shown. C0 controls become the Unicode Control
// Pictures (ESC → "␛", BEL → "␇", CR → "␍"), DEL "␡"; C1 controls and the bidirectional overrides and
// isolates ("trojan source") are named as `less` names them: "<U+009B>", "<U+202E>". "\n" and "\t" stay
// unless `breaks` is Show.
QString visibleControls(QStringView text, LineBreaks breaks = LineBreaks::Keep);

// JSON from QJsonDocument::toJson() made as safe: it escapes C0 itself but writes DEL, C1 and the bidi
// controls raw; those become \u escapes, so the JSON means exactly the same.
QByteArray terminalSafeJson(const QByteArray &json);

} // namespace marginalia
