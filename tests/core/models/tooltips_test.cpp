// Issue 8: every tooltip a model gives shows document and annotation text as that text, never as markup.
#include "library/openlibrary.h"
#include "models/annotationsmodel.h"
#include "models/librarymodel.h"
#include "models/searchresultsmodel.h"
#include "parse/volumeloader.h"
#include "render/documentrenderer.h"

#include "support/hostiletext.h"
#include "support/showntext.h"

#include <QTextBlock>
#include <QTextDocument>

#include <gtest/gtest.h>

namespace marginalia {
namespace {

const QString kImage = test::hostileImage(QStringLiteral("/dev/zero"));
const QString kBoth = kImage + u' ' + test::hostileLink();

class HostileTooltips : public ::testing::Test {
protected:
    HostileTooltips()
    {
        Result<Volume> v =
            loadVolume(test::hostileTei(QStringLiteral("/dev/zero")), QStringLiteral("/tmp/<b>hostile</b>.xml"));
        EXPECT_TRUE(v.has_value()) << (v ? std::string() : v.error().toString().toStdString());
        if (v)
            m_library.add(std::make_shared<const Volume>(std::move(v).value()));
    }
    const Volume &volume() const { return m_library.library().volume(0); }

    // Every tooltip under `parent`, depth first.
    static void collect(const QAbstractItemModel &model, const QModelIndex &parent, QStringList &out)
    {
        for (int r = 0; r < model.rowCount(parent); ++r) {
            for (int c = 0; c < model.columnCount(parent); ++c)
                out << model.index(r, c, parent).data(Qt::ToolTipRole).toString();
            collect(model, model.index(r, 0, parent), out);
        }
    }

    OpenLibrary m_library;
};

void expectShownLiterally(const QString &tooltip, const QString &text)
{
    EXPECT_EQ(test::shownText(tooltip), text) << tooltip.toStdString();
    EXPECT_FALSE(test::showsAnImage(tooltip)) << tooltip.toStdString();
}

TEST_F(HostileTooltips, Issue8LibraryTreeShowsTitlesPlacesAndFileNameAsText)
{
    ASSERT_EQ(m_library.library().size(), 1);
    ASSERT_TRUE(volume().title.contains(kBoth));
    LibraryModel model(&m_library);
    const QModelIndex v = model.index(0, 0);
    expectShownLiterally(v.data(Qt::ToolTipRole).toString(), volume().title + u'\n' + volume().sourcePath);
    ASSERT_EQ(model.rowCount(v), 1);
    const QModelIndex chapter = model.index(0, 0, v);
    expectShownLiterally(chapter.data(Qt::ToolTipRole).toString(), QStringLiteral("Chapter ") + kBoth);
    ASSERT_EQ(model.rowCount(chapter), 1);
    const Document &doc = volume().documents.at(0);
    ASSERT_TRUE(doc.title.contains(kBoth));
    ASSERT_TRUE(doc.place.contains(kBoth));
    expectShownLiterally(model.index(0, 0, chapter).data(Qt::ToolTipRole).toString(),
                         doc.title + u'\n' + doc.place + QStringLiteral("\n1962-09-05"));
    QStringList all;
    collect(model, {}, all);
    EXPECT_GE(all.size(), 3);
    for (const QString &tip : all)
        EXPECT_FALSE(test::showsAnImage(tip)) << tip.toStdString();
}

TEST_F(HostileTooltips, Issue8AnnotationListShowsQuoteAndNoteAsText)
{
    AnchoredAnnotation quoted;
    quoted.annotation.selector.exact = kBoth;
    AnchoredAnnotation noted;
    noted.annotation.selector.exact = QStringLiteral("plain quote");
    noted.annotation.note = QStringLiteral("Note ") + kBoth + QStringLiteral("\nsecond line");
    noted.annotation.tags = {kImage};
    AnnotationsModel model;
    model.setAnnotations({quoted, noted});
    expectShownLiterally(model.index(0).data(Qt::ToolTipRole).toString(), kBoth);
    expectShownLiterally(model.index(1).data(Qt::ToolTipRole).toString(), noted.annotation.note);
}

TEST_F(HostileTooltips, Issue8SearchHitShowsTheDocumentTitleAsText)
{
    SearchResultsModel model(&m_library);
    model.setResults({QStringLiteral("Quoted"), {}, searchLibrary(m_library.library(), QStringLiteral("Quoted"))});
    ASSERT_GE(model.rowCount(), 1);
    for (int r = 0; r < model.rowCount(); ++r)
        expectShownLiterally(model.index(r).data(Qt::ToolTipRole).toString(), volume().documents.at(0).title);
}

TEST_F(HostileTooltips, Issue8PersonAndTermTooltipsShowAsText)
{
    ASSERT_TRUE(volume().persons.value(QStringLiteral("p_X")).name.contains(kBoth));
    const QString person = glossaryTooltip(volume(), {EntityRef::Person, QStringLiteral("p_X")});
    const QString term = glossaryTooltip(volume(), {EntityRef::Term, QStringLiteral("t_X")});
    ASSERT_TRUE(person.contains(kBoth));
    ASSERT_TRUE(term.contains(kBoth));
    // The views read the tooltip from each character's format: every one of them is plain or safe.
    const RenderedText rendered = renderDocument(volume(), volume().documents.at(0), RenderStyle::light());
    QStringList seen;
    for (QTextBlock b = rendered.document->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QString tip = it.fragment().charFormat().toolTip();
            if (tip.isEmpty())
                continue;
            EXPECT_FALSE(test::showsAnImage(tip)) << tip.toStdString();
            seen << test::shownText(tip);
        }
    }
    EXPECT_TRUE(seen.contains(person));
    EXPECT_TRUE(seen.contains(term));
}

TEST_F(HostileTooltips, Issue8NotePopupHtmlEscapesEveryDocumentString)
{
    const Document &doc = volume().documents.at(0);
    ASSERT_EQ(doc.footnotes.size(), 1u);
    const QString html = footnoteHtml(volume(), doc, 0, QStringLiteral("Ibid ") + kBoth);
    QTextDocument shown;
    shown.setHtml(html);
    EXPECT_TRUE(shown.toPlainText().contains(kImage)) << html.toStdString();
    const QString person = glossaryTooltip(volume(), {EntityRef::Person, QStringLiteral("p_X")});
    int tooltips = 0;
    for (QTextBlock b = shown.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            EXPECT_FALSE(f.isImageFormat());
            if (f.isAnchor()) {
                EXPECT_TRUE(f.anchorHref().startsWith(QStringLiteral("marginalia:"))) << f.anchorHref().toStdString();
            }
            if (!f.toolTip().isEmpty()) {
                ++tooltips;
                EXPECT_EQ(test::shownText(f.toolTip()), person);
                EXPECT_FALSE(test::showsAnImage(f.toolTip()));
            }
        }
    }
    EXPECT_GE(tooltips, 1);
}

} // namespace
} // namespace marginalia
