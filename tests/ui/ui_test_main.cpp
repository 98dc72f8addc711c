// Main of the widget tests: a real QApplication on the offscreen platform (unless another is named).
#include "compacttabstyle.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QThreadPool>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setStyle(new marginalia::CompactTabStyle); // as the app's main sets it
    // The app's default databases (annotations, library index) live under XDG_DATA_HOME: a test, or a
    // marginalia-cli it starts, must never read or write the user's own.
    QTemporaryDir dataHome;
    qputenv("XDG_DATA_HOME", dataHome.path().toUtf8());
    qunsetenv("MARGINALIA_LIBRARY");
    ::testing::InitGoogleTest(&argc, argv);
    const int failed = RUN_ALL_TESTS();
    // Work a test's objects left detached in the pool ends while the application still exists.
    QThreadPool::globalInstance()->waitForDone();
    return failed;
}
