#pragma once

#include "parse/volumeloader.h"
#include "support/testdata.h"

#include <gtest/gtest.h>

#include <memory>

namespace marginalia::test {

// A volume of tests/data read into the shared form the OpenLibrary holds; null (and a test failure)
// when it cannot be read.
inline std::shared_ptr<const Volume> sharedVolume(const QString &name)
{
    Result<Volume> result = loadVolume(dataPath(name));
    if (!result) {
        ADD_FAILURE() << qPrintable(result.error().toString());
        return nullptr;
    }
    return std::make_shared<const Volume>(std::move(result).value());
}

} // namespace marginalia::test
