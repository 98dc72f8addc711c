#include "xmltokens.h"

#include "util/translate.h"
#include "util/utf8.h"

#include <QCoreApplication>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstring>
#include <mutex>

namespace marginalia {

namespace {

QByteArrayView bytes(const xmlChar *s)
{
    return s ? QByteArrayView(reinterpret_cast<const char *>(s)) : QByteArrayView();
}

bool sameName(QByteArrayView utf8, QLatin1StringView latin1)
{
    return utf8.size() == latin1.size() && std::memcmp(utf8.data(), latin1.data(), std::size_t(utf8.size())) == 0;
}

// Without XML_PARSE_NOENT libxml2 hands "&amp;" and "&#38;" in an attribute value over as "&#38;" (for
// a tree builder to expand later), and every other reference expanded: so each '&' in the value starts
// a "&#38;", which stands for one '&'.
QString attributeValue(QByteArrayView raw)
{
    QString value = QString::fromUtf8(raw);
    if (raw.contains('&'))
        value.replace(QLatin1StringView("&#38;"), QLatin1StringView("&"));
    return value;
}

// libxml2 refuses elements nested deeper than 256 unless XML_PARSE_HUGE, which would also lift its
// limits on text and attribute sizes; a deep file costs memory, not stack (libxml2 2.9.11 and later
// parse elements without recursion), so only the depth limit is raised. Once, before any parse:
// xmlInitParser must run before threads use libxml2, and the depth is a process-wide setting.
void initLibxml2()
{
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlParserMaxDepth = 1u << 20;
    });
}

} // namespace

QStringView XmlAttributes::decoded(const Attribute &a)
{
    if (!a.decoded) {
        a.value = attributeValue(a.raw);
        a.decoded = true;
    }
    return a.value;
}

QStringView XmlAttributes::value(QLatin1StringView name) const
{
    for (std::size_t i = 0; i < m_size; ++i) {
        const Attribute &a = m_list[i];
        if (a.namespaceUri.isEmpty() && sameName(a.name, name))
            return decoded(a);
    }
    return {};
}

QStringView XmlAttributes::value(QLatin1StringView namespaceUri, QLatin1StringView name) const
{
    for (std::size_t i = 0; i < m_size; ++i) {
        const Attribute &a = m_list[i];
        if (sameName(a.name, name) && sameName(a.namespaceUri, namespaceUri))
            return decoded(a);
    }
    return {};
}

// libxml2's SAX2 callbacks; `user` is the XmlTokenizer.
struct XmlTokenizer::Callbacks {
    static XmlTokenizer &self(void *user) { return *static_cast<XmlTokenizer *>(user); }

    static void startElement(void *user, const xmlChar *localName, const xmlChar *prefix, const xmlChar *,
                             int, const xmlChar **, int count, int, const xmlChar **attributes)
    {
        XmlTokenizer &t = self(user);
        t.flushText();
        XmlAttributes &list = t.m_attributes;
        if (list.m_list.size() < std::size_t(count))
            list.m_list.resize(std::size_t(count));
        list.m_size = std::size_t(count);
        for (int i = 0; i < count; ++i) {
            const xmlChar **a = attributes + 5 * i; // local name, prefix, namespace, value, value's end
            XmlAttributes::Attribute &out = list.m_list[std::size_t(i)];
            out.name = bytes(a[0]);
            out.namespaceUri = bytes(a[2]);
            out.raw = QByteArrayView(reinterpret_cast<const char *>(a[3]), reinterpret_cast<const char *>(a[4]));
            out.decoded = false;
        }
        t.m_handler.startElement(bytes(localName), bytes(prefix), list);
    }

    static void endElement(void *user, const xmlChar *, const xmlChar *, const xmlChar *)
    {
        XmlTokenizer &t = self(user);
        t.flushText();
        t.m_handler.endElement();
    }

    // Gathered as it comes, reported whole at the next tag.
    static void characters(void *user, const xmlChar *text, int length)
    {
        self(user).m_text.append(reinterpret_cast<const char *>(text), length);
    }

    static void internalSubset(void *user, const xmlChar *, const xmlChar *, const xmlChar *)
    {
        self(user).stop(Tr::tr("document type declarations are not accepted: FRUS TEI needs none, "
                               "and they can load outside files or expand entities without bound"));
    }

    static void error(void *user, xmlErrorPtr e)
    {
        XmlTokenizer &t = self(user);
        if (e->level < XML_ERR_ERROR || t.m_failed)
            return; // warnings (a namespace name that is not an absolute URI) are not errors
        QString message;
        if (e->code == XML_ERR_UNDECLARED_ENTITY && e->str1)
            message = Tr::tr("unknown entity &%1;").arg(QString::fromUtf8(reinterpret_cast<const char *>(e->str1)));
        else
            message = QString::fromUtf8(e->message).trimmed();
        t.fail(message, e->line, e->int2, e->code == XML_ERR_DOCUMENT_EMPTY);
    }
};

XmlTokenizer::XmlTokenizer(const QByteArray &data, XmlTokenHandler &handler) : m_data(data), m_handler(handler)
{
}

bool XmlTokenizer::read()
{
    if (m_data.isEmpty()) { // libxml2 makes no context for no bytes
        m_failed = true;
        m_problem = {0, 0, QString(), true};
        return false;
    }
    initLibxml2();
    xmlParserCtxtPtr ctxt = m_data.size() < qsizetype(INT_MAX)
        ? xmlCreateMemoryParserCtxt(m_data.constData(), int(m_data.size()))
        : nullptr;
    if (!ctxt) {
        m_failed = true;
        m_problem = {0, 0, Tr::tr("the file is too large to read"), false};
        return false;
    }
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = &Callbacks::startElement;
    sax.endElementNs = &Callbacks::endElement;
    sax.characters = &Callbacks::characters;
    sax.ignorableWhitespace = &Callbacks::characters;
    sax.cdataBlock = &Callbacks::characters;
    sax.internalSubset = &Callbacks::internalSubset;
    sax.serror = &Callbacks::error;
    *ctxt->sax = sax; // the context owns its handler block; ours is copied in
    ctxt->userData = this;
    // Never NOENT, DTDLOAD, DTDATTR or HUGE: no entity is substituted, no outside file loaded.
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    m_context = ctxt;
    xmlParseDocument(ctxt);
    if (!m_failed && !ctxt->wellFormed)
        fail(Tr::tr("the file is not well-formed XML"), 0, 0, false);
    if (!m_failed)
        flushText();
    m_context = nullptr;
    xmlFreeParserCtxt(ctxt);
    return !m_failed;
}

void XmlTokenizer::stop(const QString &message)
{
    const auto *ctxt = static_cast<xmlParserCtxtPtr>(m_context);
    fail(message, ctxt && ctxt->input ? ctxt->input->line : 0, ctxt && ctxt->input ? ctxt->input->col : 0, false);
}

qint64 XmlTokenizer::bytesRead() const
{
    const auto *ctxt = static_cast<xmlParserCtxtPtr>(m_context);
    if (!ctxt || !ctxt->input)
        return 0;
    return qint64(ctxt->input->consumed) + (ctxt->input->cur - ctxt->input->base);
}

// Records the first problem and halts the parser. libxml2 counts columns in bytes; for UTF-8 input
// (anything else was converted, and its offsets are not the file's) the position is recomputed from
// the byte offset, in characters. Before halting: halting empties the parser's input.
void XmlTokenizer::fail(const QString &message, int line, int column, bool noElement)
{
    if (m_failed)
        return;
    m_failed = true;
    m_problem = {line, column, message, noElement};
    auto *ctxt = static_cast<xmlParserCtxtPtr>(m_context);
    if (!ctxt)
        return;
    if (ctxt->input && ctxt->input->buf && !ctxt->input->buf->encoder && ctxt->input->base) {
        const Utf8Problem at = positionOfByte(m_data, bytesRead());
        m_problem.line = at.line;
        m_problem.column = at.column;
    }
    xmlStopParser(ctxt);
}

void XmlTokenizer::flushText()
{
    if (m_text.isEmpty())
        return;
    m_handler.utf8Characters(m_text);
    m_text.resize(0); // keeps its capacity for the next text
}

} // namespace marginalia
