#pragma once

#include "model/volume.h"
#include "store/catalogrecords.h"

#include <QByteArray>
#include <QString>

namespace marginalia {

class FtsTokenizer;

// The one place that decides what the library index holds of a volume: each document's reading text
// (ReadingText of its body) and notes (each footnote's plain text), its kind, its ISO date span, the
// persons it mentions, the references it makes with their sentences, and the volume's glossaries.
// `fileData` is the file the volume was read from, for its outline (volumeoutline.h). With a `tokenizer`,
// the full-text values come tokenized too, for the index's writer to replay (ftstokens.h).
CatalogVolumeRecord catalogRecord(const Volume &volume, const QByteArray &fileData,
                                  FtsTokenizer *tokenizer = nullptr);

// The years a volume covers, from its id ("frus1961-63v09" → 1961, 1963; "frus1894Nicaragua" → 1894)
// or else its subseries ("1961–1963"). {0, 0} when neither names a year.
std::pair<int, int> volumeYears(const QString &id, const QString &subseries);

} // namespace marginalia
