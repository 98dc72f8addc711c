#pragma once

#include "store/catalogrecords.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace marginalia {

// Whether a source covers `path`: it is a source file, or lies in a source folder, and no exclusion
// (a file removed from a folder) covers it.
bool isCovered(const QString &path, const std::vector<CatalogSource> &sources);

// What the sources hold: the TEI files in the source files and folders (recursively, symbolic links
// followed, each folder and file visited once however many links lead to it), in a stable order, and
// what could not be read. A file is a candidate when its name ends in .xml and its first bytes are XML
// with a TEI root; other files are skipped without a word.
struct SourceScan {
    QStringList files;
    std::vector<Error> unreadable; // files: failures of their own; folders: reported
    QStringList unreadableFiles;
};
SourceScan scanSources(const std::vector<CatalogSource> &sources);

} // namespace marginalia
