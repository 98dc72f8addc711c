#pragma once

#include <vector>

namespace marginalia {

// A place in the library a reader can return to: a document and where in it the view was.
struct ReaderPosition {
    int volume = -1;
    int document = -1;
    int readingOffset = 0; // first visible character of the reading text
    friend bool operator==(const ReaderPosition &, const ReaderPosition &) = default;
    bool valid() const { return volume >= 0 && document >= 0; }
};

// Back/forward history of positions, like a browser's: visiting a new place drops the forward list.
class History {
public:
    void visit(const ReaderPosition &position);
    // Updates where the reader is now without adding a step (the view scrolled).
    void updateCurrent(const ReaderPosition &position);
    bool canGoBack() const;
    bool canGoForward() const;
    ReaderPosition back();    // the position now current; unchanged when there is none
    ReaderPosition forward();
    ReaderPosition current() const;
    int size() const { return int(m_entries.size()); }
    // The volume at `volume` was closed: its steps go, later volumes' steps follow their new index, and
    // the current step becomes the nearest earlier one left (else the next). Returns whether the current
    // step was one of those that went.
    bool removeVolume(int volume);

private:
    std::vector<ReaderPosition> m_entries;
    int m_current = -1;
};

} // namespace marginalia
