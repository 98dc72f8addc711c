#pragma once

#include "model/volume.h"
#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace marginalia {

// Reads a FRUS TEI P5 volume (or an extract of one) in one streaming pass. Never loads a DTD, an
// external entity or an XInclude; a document type declaration is refused outright.
class TeiParser {
public:
    // Called now and then with the bytes read so far and the total; returning false cancels the import,
    // which then fails with Error::message == cancelledMessage().
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // A large volume is read on two threads unless the caller already reads several files side by side
    // (the library indexer), where a second thread per file only adds the split and the merge.
    enum class Threads { Several, One };

    // `fileName` names the input in errors and becomes Volume::sourcePath.
    static Result<Volume> parse(const QByteArray &data, const QString &fileName, const Progress &progress = {},
                                Threads threads = Threads::Several);
    static QString cancelledMessage();
};

} // namespace marginalia
