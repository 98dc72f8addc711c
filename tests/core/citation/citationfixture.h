#pragma once

#include "citation/citationitems.h"
#include "library/library.h"

#include <QString>

#include <ostream>

// Failures show the text, not its UTF-16 units.
inline void PrintTo(const QString &text, std::ostream *os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace marginalia::test {

// A library of the files in tests/data named, in that order (a test failure when one cannot be read).
Library loadLibrary(std::initializer_list<const char *> files);

// The place of document `id` in `library`; {-1, -1} (and a test failure) when it is not there.
DocumentAt documentAt(const Library &library, const QString &id);

} // namespace marginalia::test
