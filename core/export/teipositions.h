#pragma once

#include "export/w3cannotations.h"

namespace marginalia {

class Library;

// The texts W3C positions count in, from the TEI volumes open in `library` (a text copy's text is not
// one of them: its heading and lines differ). `library` must outlive the function.
TeiFlowText teiFlowTextIn(const Library &library);

} // namespace marginalia
