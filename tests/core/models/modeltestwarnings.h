#pragma once

#include <QLoggingCategory>
#include <QStringList>
#include <QtGlobal>

namespace marginalia::test {

// Collects what QAbstractItemModelTester reports while it lives, so a broken model fails the test
// instead of only printing.
class ModelTestWarnings {
public:
    ModelTestWarnings() { s_messages.clear(); m_previous = qInstallMessageHandler(&ModelTestWarnings::handle); }
    ~ModelTestWarnings() { qInstallMessageHandler(m_previous); }
    ModelTestWarnings(const ModelTestWarnings &) = delete;
    ModelTestWarnings &operator=(const ModelTestWarnings &) = delete;
    const QStringList &messages() const { return s_messages; }

private:
    static void handle(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        if (QLatin1String(context.category).startsWith(QLatin1String("qt.modeltest")))
            s_messages.append(message);
    }
    static inline QStringList s_messages;
    QtMessageHandler m_previous = nullptr;
};

} // namespace marginalia::test
