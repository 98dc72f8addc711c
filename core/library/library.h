#pragma once

#include "model/volume.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace marginalia {

// Where a reference leads inside the library.
struct ResolvedTarget {
    int volume = -1;   // index in the Library
    int document = -1; // index in that volume; -1 for targets outside documents
    IdTarget target;   // what the id names
};

// The set of open volumes (a text copy is a volume of one document). Volumes are immutable once added,
// so they can be shared with views and worker threads.
class Library {
public:
    // Returns the new volume's index.
    int add(std::shared_ptr<const Volume> volume);
    // Puts `volume` in the place of the one at `index` (a file opened again), keeping every index.
    void replace(int index, std::shared_ptr<const Volume> volume);
    // Takes the volume at `index` out; the volumes after it move one index down.
    void remove(int index);
    void clear();

    int size() const { return int(m_volumes.size()); }
    const Volume &volume(int index) const { return *m_volumes.at(std::size_t(index)); }
    std::shared_ptr<const Volume> volumePtr(int index) const { return m_volumes.at(std::size_t(index)); }
    int indexOfVolume(const QString &volumeId) const;

    // The volume a volume's references resolve in: itself when it has an id; for a text copy, the open
    // volume holding a document with the same number and title; -1 when there is none.
    int homeVolume(int volumeIndex) const;
    // The volume id a document of `volumeIndex` belongs to (its home volume's), or empty.
    QString volumeIdOf(int volumeIndex) const;

    // Resolves a reference made in a document of `fromVolume`.
    std::optional<ResolvedTarget> resolve(int fromVolume, const CrossReference &ref) const;
    // Resolves "volume#id" / "#id" / "id" as written in a TEI @target, relative to `fromVolume`.
    std::optional<ResolvedTarget> resolve(int fromVolume, const QString &target) const;

    // The citation a note repeats when it says "Ibid." (the source it stands for), else its own
    // citation; empty when it cites nothing.
    QString citation(int volumeIndex, int documentIndex, int footnoteIndex) const;
    // citation() of every footnote of a document, indexed like its footnotes, computed in one walk (the
    // Ibid. chain needs every earlier note, so asking note by note is quadratic); empty for bad indexes.
    std::vector<QString> citations(int volumeIndex, int documentIndex) const;

private:
    std::vector<std::shared_ptr<const Volume>> m_volumes;
};

} // namespace marginalia
