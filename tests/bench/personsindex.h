#pragma once

#include <QString>

namespace marginalia::bench {

// A library index the size of the whole series' glossaries, without documents: 1,400 volumes of 250
// persons each, the ids of a volume shared with its neighbours as volumes of one period share them
// (28,250 distinct ids, 350,000 rows). Made once per run in a temporary folder; its path, or empty.
constexpr int PersonsIndexVolumes = 1400;
constexpr int PersonsPerVolume = 250;
QString personsIndex();

} // namespace marginalia::bench
