#include "citationfixture.h"

#include "model/volume.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <gtest/gtest.h>

namespace marginalia::test {

Library loadLibrary(std::initializer_list<const char *> files)
{
    Library library;
    for (const char *file : files) {
        Result<Volume> volume = loadVolume(dataPath(QString::fromUtf8(file)));
        EXPECT_TRUE(volume) << qPrintable(volume.error().toString());
        if (volume)
            library.add(std::make_shared<const Volume>(std::move(*volume)));
    }
    return library;
}

DocumentAt documentAt(const Library &library, const QString &id)
{
    for (int v = 0; v < library.size(); ++v) {
        if (const int d = library.volume(v).documentIndex(id); d >= 0)
            return {v, d};
    }
    ADD_FAILURE() << "no document " << qPrintable(id);
    return {};
}

} // namespace marginalia::test
