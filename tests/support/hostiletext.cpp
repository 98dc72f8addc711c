#include "hostiletext.h"

namespace marginalia::test {

QString hostileImage(const QString &path)
{
    return QStringLiteral("<img src=\"%1\">").arg(path);
}

QString hostileLink()
{
    return QStringLiteral("<a href=\"file:///etc/passwd\">x</a>");
}

QByteArray hostileTei(const QString &imagePath)
{
    const QString both = QString(hostileImage(imagePath) + u' ' + hostileLink()).toHtmlEscaped();
    const QString image = hostileImage(imagePath).toHtmlEscaped();
    return QStringLiteral(R"(<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="hostile">
<teiHeader><fileDesc><titleStmt><title type="complete">Volume %1</title></titleStmt></fileDesc></teiHeader>
<text><front>
<div type="section" xml:id="persons"><list>
<item><persName xml:id="p_X">Person %1</persName>, adviser %1</item></list></div>
<div type="section" xml:id="terms"><list>
<item><term xml:id="t_X">Term %1</term>, meaning %1</item></list></div></front>
<body><div type="chapter" xml:id="ch1"><head>Chapter %1</head>
<div type="document" xml:id="d1" n="1"><head>1. Document %1</head>
<dateline><placeName>Place %1</placeName>, <date when="1962-09-05">September 5, 1962</date></dateline>
<p>Quoted: %2 end. Said by <persName corresp="#p_X">the adviser</persName> about <gloss target="#t_X">the term</gloss>.<note n="1" xml:id="d1fn1">On <persName corresp="#p_X">him</persName>: %1</note></p>
</div></div></body></text></TEI>
)")
        .arg(both, image)
        .toUtf8();
}

} // namespace marginalia::test
