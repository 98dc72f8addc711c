#pragma once

#include "annotation/annotationservice.h"
#include "parse/volumeloader.h"

#include "support/testdata.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace marginalia::test {

// The annotation service on a fresh database and document 317 of the real FRUS 1961–63 vol. IX file,
// for the models that show annotations and tags.
class AnnotationModelsFixture : public ::testing::Test {
protected:
    static inline const QString D317 = QStringLiteral("frus1961-63v09/d317");

    void SetUp() override
    {
        ASSERT_TRUE(m_service.open(m_dir.filePath(QStringLiteral("annotations.sqlite"))));
        Result<Volume> volume = loadVolume(dataPath(QStringLiteral("frus1961-63v09-d316-d318.xml")));
        ASSERT_TRUE(volume) << volume.error().toString().toStdString();
        m_volume = std::move(volume).value();
        const int d = m_volume.documentIndex(QStringLiteral("d317"));
        ASSERT_GE(d, 0);
        m_doc = &m_volume.documents.at(std::size_t(d));
    }

    // Annotates the first occurrence of `quote` with the tags; empty id when that fails.
    QString annotate(const QString &quote, const QStringList &tags)
    {
        const AnnotationService::QuoteMatch match = AnnotationService::draftOnQuote(*m_doc, D317, quote, 1);
        EXPECT_TRUE(match.draft) << quote.toStdString();
        if (!match.draft)
            return {};
        Annotation a = *match.draft;
        a.tags = tags;
        const Result<Annotation> added = m_service.add(a);
        EXPECT_TRUE(added) << added.error().toString().toStdString();
        return added ? added->id : QString();
    }

    QTemporaryDir m_dir;
    AnnotationService m_service;
    Volume m_volume;
    const Document *m_doc = nullptr;
};

} // namespace marginalia::test
