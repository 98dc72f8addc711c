// Issue 12: the Tag… dialog's completion, typed and picked as a user does.
#include "readerfixture.h"

#include "annotationcontroller.h"
#include "models/annotationsmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDialog>
#include <QLineEdit>
#include <QTest>
#include <QTimer>

using namespace marginalia;
using namespace marginalia::test;

namespace {

const QStringList kSample{QStringLiteral(":/sample/frus1961-63v09-d317.txt"),
                          QStringLiteral(":/sample/frus1961-63v09-d316-d318.xml")};

class TagCompletion : public ReaderFixture {
protected:
    enum class Pick { ByMouse, ByKeyboard };
    // Opens Tag… with Ctrl+Shift+T, types `typed` into its field, picks the first completion (a click,
    // or Down and Return), and answers what the field then reads (the dialog is then cancelled).
    static QString typeAndPick(QDialog *dialog, const QString &typed, Pick pick)
    {
        auto *edit = dialog->findChild<QLineEdit *>();
        if (!edit)
            return QStringLiteral("<no field>");
        // The field completes only while it has the focus, in the active window.
        dialog->activateWindow();
        if (!QTest::qWaitFor([dialog] { return dialog->isActiveWindow(); }))
            return QStringLiteral("<dialog not active>");
        edit->setFocus();
        QTest::keyClicks(edit, typed);
        QAbstractItemView *popup = edit->completer()->popup();
        if (!QTest::qWaitFor([popup] { return popup->isVisible(); }))
            return QStringLiteral("<no completion>");
        if (pick == Pick::ByMouse) {
            const QRect item = popup->visualRect(popup->model()->index(0, 0));
            QTest::mouseMove(popup->viewport(), item.center());
            QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, item.center());
        } else {
            QTest::keyClick(popup, Qt::Key_Down);
            QTest::keyClick(popup, Qt::Key_Return);
        }
        return edit->text();
    }
    QString pickFirstCompletion(const QString &typed, Pick pick)
    {
        QString shown = QStringLiteral("<no dialog>");
        QTimer::singleShot(0, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            shown = typeAndPick(dialog, typed, pick);
            dialog->reject();
        });
        QTest::keyClick(m_window.documentView(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
        return shown;
    }
};

} // namespace

TEST_F(TagCompletion, Issue12PickingACompletionWritesTheTagOnce)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("multilateral export controls"));
    m_window.annotationController()->tagSelection({QStringLiteral("COCOM")}); // a tag that exists
    m_window.documentView()->setFocus();
    selectInView(QStringLiteral("Soviet bloc trade"));
    EXPECT_EQ(pickFirstCompletion(QStringLiteral("CO"), Pick::ByMouse).toStdString(), "COCOM, ");
}

TEST_F(TagCompletion, Issue12ACompletionAfterACommaKeepsTheTagsBeforeIt)
{
    ASSERT_TRUE(open(kSample));
    selectInView(QStringLiteral("multilateral export controls"));
    m_window.annotationController()->tagSelection({QStringLiteral("COCOM")});
    m_window.documentView()->setFocus();
    selectInView(QStringLiteral("Soviet bloc trade"));
    EXPECT_EQ(pickFirstCompletion(QStringLiteral("Trade, co"), Pick::ByKeyboard).toStdString(), "Trade, COCOM, ");
}
