#pragma once

#include <QColor>
#include <QRect>
#include <QString>
#include <QStringList>

class QFont;
class QPainter;
class QPalette;

namespace marginalia {

// One note of the margin: what it shows of its annotation, laid out for the margin's width.
struct NoteCard {
    QString id;
    int start = 0; // the passage: reading offsets of the body
    int end = 0;
    QColor color;   // the highlight's, as the passage is painted
    QString author; // shown above the note (in a team); empty: not shown
    QString note;
    bool editable = true; // the user's own (in a team, another member's cannot be changed)

    // By wrapCard(): the note's lines, the last of them elided when the note runs on; the card's height.
    QStringList lines;
    bool elided = false;
    int height = 0;
};

// How a card is drawn beside the others.
enum class CardState { Plain, Hovered, Marked };

// Lays the note out in a card `width` pixels wide: at most kCardLines lines, the last elided ("…").
void wrapCard(NoteCard &card, const QFont &font, int width);

// Draws the card in `rect` (its height as wrapCard gave): the highlight's colour as a stripe on the left,
// the author, the note, and an edit button on a hovered or marked card the user may edit.
void paintCard(QPainter &painter, const NoteCard &card, const QRect &rect, const QPalette &palette, CardState state);

// Where a card in `rect` has its edit button (a pencil in its top right corner).
QRect editButtonRect(const QRect &rect);

constexpr int kCardLines = 4;

} // namespace marginalia
