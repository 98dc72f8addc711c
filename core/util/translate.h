#pragma once

#include <QCoreApplication>
#include <QString>

namespace marginalia {

// The one translation helper of code that has no QObject of its own (core and the command line):
// Tr::tr("...") translates in the "marginalia" context, with QObject::tr's arguments (so "%n" plurals
// work). A class with Q_DECLARE_TR_FUNCTIONS rather than a free tr(), because lupdate places a qualified
// Tr::tr in its context wherever it is called, while a free tr() it takes for the tr() of whatever class or
// namespace encloses the call (Qt Creator's Tr::tr is the same idiom). QObject subclasses (ui/, the item
// models) keep their own tr(): that is Qt's mechanism for QObjects. scripts/check-translations.sh runs
// lupdate as a test.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(marginalia)
};

} // namespace marginalia
