#pragma once

#include "flowbuilder.h"
#include "model/volume.h"
#include "teielements.h"
#include "util/result.h"
#include "xmltokens.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>

#include <functional>
#include <memory>
#include <vector>

namespace marginalia {

// The state of one pass over a TEI file. Used once, through TeiParser::parse.
class TeiReader : private XmlTokenHandler {
public:
    // Where a document stood in a skeleton (a file whose documents were emptied to be read apart).
    struct DocumentSlot {
        int division = -1;
        int pagesBefore = 0; // pages of the skeleton before it
    };

    TeiReader(const QByteArray &data, const QString &fileName, const std::function<bool(qint64, qint64)> &progress);
    Result<Volume> read();
    // Reads a skeleton: documents are not read but recorded in `documentSlots`, to be merged in later.
    void readAsSkeleton(std::vector<DocumentSlot> *documentSlots) { m_slots = documentSlots; }
    // Reads documents cut out of a file: the pages between them are not here, so a document's first
    // page is left for the merge to fill in unless the document itself starts with a page break.
    void readAsDocumentRun() { m_documentRun = true; }

private:
    struct Frame {
        tei::Element element;
        std::uint32_t undo;
    };

    void startElement(QByteArrayView localName, QByteArrayView prefix, const XmlAttributes &attrs) override;
    void endElement() override;
    void characters(QStringView text) override;
    void utf8Characters(QByteArrayView utf8) override;
    void registerId(const XmlAttributes &attrs, IdTarget target);

    std::uint32_t startOutsideDocument(tei::Element e, const XmlAttributes &attrs);
    std::uint32_t startInDocument(tei::Element e, const XmlAttributes &attrs);
    std::uint32_t startDocument(const XmlAttributes &attrs);
    std::uint32_t startFootnote(const XmlAttributes &attrs);
    std::uint32_t startReference(const XmlAttributes &attrs);
    std::uint32_t startParagraph(const XmlAttributes &attrs);
    std::uint32_t startHead();
    void pageBreak(const XmlAttributes &attrs);
    void endDocument();
    void endGlossaryItem();

    FlowBuilder &flow() { return *m_flows.back(); }

    QByteArray m_data;
    XmlTokenizer *m_tokens = nullptr; // while read() runs
    QString m_fileName;
    std::function<bool(qint64, qint64)> m_progress;
    Volume m_volume;
    std::vector<Frame> m_stack;
    quint64 m_elementCount = 0;
    std::vector<DocumentSlot> *m_slots = nullptr;
    bool m_documentRun = false;

    // Header and divisions outside documents.
    QString *m_headerField = nullptr;
    std::vector<int> m_divisions;
    int m_divisionHeadDepth = 0;
    int m_skipDepth = 0;
    bool m_inDivisionNote = false;
    QString m_divisionNote;
    QString m_lastPage;

    // Glossaries of persons and terms.
    int m_glossItemDepth = 0;
    QString m_glossText;
    QString m_glossId;
    bool m_glossIsPerson = true;
    qsizetype m_glossNameStart = -1;
    qsizetype m_glossNameEnd = -1;

    // The document being read.
    bool m_inDocument = false;
    int m_documentDepth = 0;
    Document m_doc;
    std::vector<std::unique_ptr<FlowBuilder>> m_flows;
    int m_titleBlock = -1;
    int m_listDepth = 0;
    int m_closerDepth = 0;
    int m_postscriptDepth = 0;
    int m_attachmentDepth = 0;
    int m_datelineCount = 0;
    int m_placeDepth = 0;

    // Text that is not a document's reading text, decoded for characters(); reused from call to call.
    QString m_decoded;
    QStringDecoder m_utf8Decoder{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom};
};

} // namespace marginalia
