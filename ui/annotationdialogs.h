#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace marginalia {

// Asks for the tags of a passage: comma-separated, completing from the tags that exist; a new name
// makes a new tag. Empty optional when cancelled.
std::optional<QStringList> askForTags(QWidget *parent, const QStringList &knownTags, const QStringList &current);

// Asks for the note on a passage in a small editor showing the quote. Empty optional when cancelled.
std::optional<QString> askForNote(QWidget *parent, const QString &quote, const QString &current);

// Splits "Trade, East-West trade,  " into tag names: trimmed, empty ones and repeats (ignoring case) dropped.
QStringList parseTagList(const QString &text);

} // namespace marginalia
