#pragma once

#include <QString>

namespace marginalia {

// A name as the TEI header writes it ("William F. Sanford, Jr."), in the parts reference managers keep.
struct PersonName {
    QString given;  // "William F."
    QString family; // "Sanford"
    QString suffix; // "Jr."
};

// The family name is the last word before any ", suffix"; a single word is a family name.
PersonName splitName(const QString &name);

} // namespace marginalia
