#include "teiparser.h"

#include "teireader.h"

namespace marginalia {

Result<Volume> TeiParser::parse(const QByteArray &data, const QString &fileName)
{
    TeiReader reader(data, fileName);
    return reader.read();
}

} // namespace marginalia
