#include <QCoreApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The app's default databases (annotations, library index) live under XDG_DATA_HOME: a test, or a
    // marginalia-cli it starts, must never read or write the user's own.
    QTemporaryDir dataHome;
    qputenv("XDG_DATA_HOME", dataHome.path().toUtf8());
    qunsetenv("MARGINALIA_LIBRARY");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
