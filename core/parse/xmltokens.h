#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <vector>

namespace marginalia {

// The attributes of one start tag, valid while the handler's startElement runs.
class XmlAttributes {
public:
    // The value of the attribute in no namespace called `name` (an unprefixed attribute), or empty.
    QStringView value(QLatin1StringView name) const;
    // The value of the attribute `name` in namespace `namespaceUri`, or empty.
    QStringView value(QLatin1StringView namespaceUri, QLatin1StringView name) const;

private:
    friend class XmlTokenizer;
    struct Attribute {
        QByteArrayView name;
        QByteArrayView namespaceUri; // empty: no namespace
        QByteArrayView raw;          // the value as libxml2 gives it, UTF-8
        mutable QString value;       // decoded when first asked for: most attributes never are
        mutable bool decoded = false;
    };
    static QStringView decoded(const Attribute &a);

    std::vector<Attribute> m_list; // reused from tag to tag; the first m_size count
    std::size_t m_size = 0;
};

// What the tokenizer reports to. Text between two tags arrives whole, in one call (CDATA sections
// included); comments and processing instructions are not reported.
class XmlTokenHandler {
public:
    virtual ~XmlTokenHandler() = default;
    virtual void startElement(QByteArrayView localName, QByteArrayView prefix, const XmlAttributes &attributes) = 0;
    virtual void endElement() = 0;
    virtual void characters(QStringView text) = 0;
    // The same text as libxml2 gives it, UTF-8 (converted from the file's encoding if need be). A
    // handler that can consume UTF-8 directly saves decoding into a string it would only copy on;
    // by default it is decoded and passed to characters().
    virtual void utf8Characters(QByteArrayView utf8) { characters(QString::fromUtf8(utf8)); }
};

// Where reading stopped and why: 1-based line and column (in characters).
struct XmlProblem {
    qint64 line = 0;
    qint64 column = 0;
    QString message;
    bool noElement = false; // the input ended (or was empty) before any element
};

// Reads XML with libxml2's SAX2 parser, namespaces resolved, and refuses what FRUS TEI never needs
// and a hostile file could abuse: a document type declaration (stopped at "<!DOCTYPE", before any
// entity is declared or any outside file named), entities other than the predefined five, network
// access. One instance reads one document; not thread-safe, but instances on different threads are.
class XmlTokenizer {
public:
    XmlTokenizer(const QByteArray &data, XmlTokenHandler &handler);
    // Reads the whole input; false when it is not well-formed XML or stop() was called.
    bool read();
    // Called from a handler: stops reading, the problem being `message` at the current position.
    void stop(const QString &message);
    // Bytes of the input read so far (during read()).
    qint64 bytesRead() const;
    const XmlProblem &problem() const { return m_problem; }

private:
    struct Callbacks;
    friend struct Callbacks;

    void flushText();
    void fail(const QString &message, int line, int column, bool noElement);

    const QByteArray m_data; // shared, not copied
    XmlTokenHandler &m_handler;
    void *m_context = nullptr; // the libxml2 parser context while read() runs
    bool m_utf8 = true;        // the input is read as UTF-8, so byte offsets locate characters
    XmlAttributes m_attributes;
    QByteArray m_text; // UTF-8 text not yet reported
    bool m_failed = false;
    XmlProblem m_problem;
};

} // namespace marginalia
