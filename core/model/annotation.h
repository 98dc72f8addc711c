#pragma once

#include "anchor/textselector.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace marginalia {

// A historian's note on a passage. It belongs to the document's identity ("frus1961-63v09/d317"),
// not to the file the document was read from.
struct Annotation {
    QString id;        // a UUID without braces
    QString document;  // the document key
    TextSelector selector;
    QString color;     // "#RRGGBB"
    QString note;      // plain text, may hold line breaks
    QStringList tags;  // tag names as the user typed them
    QString author;
    QDateTime created;  // UTC
    QDateTime modified; // UTC
    // What another tool's file gave that Marginalia does not use itself, kept so that an export gives it
    // back: a compact JSON object ({"hypothesis":{"id":…, "group":…}, "selectors":[RangeSelector…]}),
    // empty when there is nothing. Written by the importers, read by the W3C export; nothing else looks in.
    QString interchange;

    friend bool operator==(const Annotation &, const Annotation &) = default;
};

struct Tag {
    QString name;
    QString color; // "#RRGGBB"
    int count = 0; // annotations carrying it
};

// The highlight colour of an annotation given none ("#FFE08C", a soft yellow): new annotations, imports
// without a colour and painting all use this one.
QString defaultAnnotationColor();

// A new UUID in the form annotations use.
QString newAnnotationId();

// Who is annotating: the login name ($USER, $LOGNAME, %USERNAME%), else the home folder's name.
QString defaultAuthor();

} // namespace marginalia
