#pragma once

// A Qt Gui header in a base folder, spelled so that include paths alone would not stop it.
#include <QtGui/QColor>
