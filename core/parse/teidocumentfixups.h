#pragma once

#include "model/volume.h"

#include <QStringView>

namespace marginalia {

// Steps of the TEI import that look at a whole document or volume once it has been read.

// "1962-09-05" when frus:doc-dateTime-min and -max fall on the same day, else empty.
QString sameDayDate(QStringView min, QStringView max);

// Splits a ref/@target ("#d316", "frus1961-63v13#pg_242", "frus1933v05", "/historicaldocuments/…").
CrossReference parseReferenceTarget(QStringView raw);

// `titleBlock` of a document whose title head is empty (<head/>).
constexpr int kEmptyTitleHead = -3;

// Puts the title line first (making one when the document has no head: its number, or an empty line
// when its head is empty, kEmptyTitleHead), derives title and number from it, and fills in each
// cross-reference's label from the text it covers. `titleBlock` is the title head's body block, or
// negative when there is none.
void finishDocument(Document &doc, int titleBlock);

// Counts the internal references that name an id of the volume.
void finishVolume(Volume &volume);

} // namespace marginalia
