// A fixture for scripts/check-translations.sh: a text lupdate cannot read, and a tr() it cannot place.
#include <QCoreApplication>
#include <QString>

namespace marginalia {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(marginalia)
};

QString chosenAtRunTime(const char *text)
{
    return Tr::tr(text);
}

class NoQObject {
public:
    QString label() const { return tr("a free translation call in a class without Q_OBJECT"); }
};

} // namespace marginalia
