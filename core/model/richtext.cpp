#include "richtext.h"

namespace marginalia {

QString plainText(const RichText &text, const QString &separator)
{
    QString out;
    for (const Block &block : text) {
        if (!out.isEmpty())
            out += separator;
        out += block.text;
    }
    return out;
}

} // namespace marginalia
