#pragma once

#include <QByteArray>
#include <QString>

#include <utility>
#include <vector>

namespace marginalia::test {

// A small volume whose document heads carry their numbers in each of the ways FRUS files do (issue 12,
// item 14), in the files' own markup: a head that is only its number ("2.", "10", `<hi>14.</hi>`), the
// number parted from the title by `<lb/>` or by nothing ("13.Memorandum"), "No. 3" and "[9.]", a number
// on the div that carries its own dot (n="11."), and titles that open with a year. Chapters' heads use
// `<lb/>` and nested `<hi>`. The markup follows the FRUS files; the documents' words are made up.
inline QByteArray numberedHeadsVolume()
{
    return QByteArrayLiteral(R"(<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus1952-54v08">
    <teiHeader><fileDesc><titleStmt>
        <title type="complete">Foreign Relations of the United States, 1952–1954, Eastern Europe; Soviet Union; Eastern Mediterranean, Volume VIII</title>
    </titleStmt></fileDesc></teiHeader>
    <text><body>
        <div type="compilation" xml:id="comp1"><head>Russia<lb/>Economic Relations</head>
            <div type="chapter" xml:id="ch1"><head><hi rend="italic">Trade</hi><lb/><hi rend="italic">Controls</hi></head>
                <div type="document" xml:id="d2" n="2" subtype="historical-document">
                    <head>2.<note n="0" type="source" xml:id="d2fn0">Source: Department of State, Central Files, 661.00/1-552.</note></head>
                    <p>The Soviet Union has proposed an economic conference.</p>
                </div>
                <div type="document" xml:id="d3" n="3" subtype="historical-document">
                    <head>No. 3<lb/><hi rend="italic">Mr. Kennan to the Secretary of State</hi></head>
                    <p>I have the honor to report.</p>
                </div>
                <div type="document" xml:id="d5" n="5" subtype="historical-document">
                    <head>1934 Trade Agreement With the Soviet Union</head>
                    <p>The agreement of 1934 was renewed.</p>
                </div>
                <div type="document" xml:id="d6" n="6" subtype="historical-document">
                    <head>6.<lb/>Memorandum From the Secretary of State to the President</head>
                    <p>Subject: trade with the Soviet bloc.</p>
                </div>
                <div type="document" xml:id="d9" n="9" subtype="historical-document">
                    <head>[9.] Memorandum for the Files</head>
                    <p>The meeting was postponed.</p>
                </div>
                <div type="document" xml:id="d10" n="10" subtype="editorial-note">
                    <head>10</head>
                    <p>Documentation on this subject is in the Supplement.</p>
                </div>
            </div>
            <div type="chapter" xml:id="ch2"><head>Soviet Union<lb/><hi rend="italic">Political<lb/>Relations</hi></head>
                <div type="document" xml:id="d11" n="11." subtype="historical-document">
                    <head>11. Memorandum for the Record</head>
                    <p>The Ambassador called.</p>
                </div>
                <div type="document" xml:id="d13" n="13" subtype="historical-document">
                    <head>13.Memorandum of Conversation<note n="0" type="source" xml:id="d13fn0">Source: Department of State, Central Files, 761.00/2-1053.</note></head>
                    <p>The Secretary received the Ambassador.</p>
                </div>
                <div type="document" xml:id="d14" n="14" subtype="historical-document">
                    <head><hi rend="strong">14.</hi></head>
                    <p>Telegram text.</p>
                </div>
                <div type="document" xml:id="d19" n="19" subtype="historical-document">
                    <head>19. 1934 Agreement on Claims</head>
                    <p>The claims were discussed.</p>
                </div>
            </div>
        </div>
    </body></text>
</TEI>
)");
}

// Each document of numberedHeadsVolume() with the label a library tree row gives it: its number once,
// and the number alone where the head is nothing else.
inline std::vector<std::pair<QString, QString>> numberedHeadsLabels()
{
    return {
        {QStringLiteral("d2"), QStringLiteral("2")},
        {QStringLiteral("d3"), QStringLiteral("3. Mr. Kennan to the Secretary of State")},
        {QStringLiteral("d5"), QStringLiteral("5. 1934 Trade Agreement With the Soviet Union")},
        {QStringLiteral("d6"), QStringLiteral("6. Memorandum From the Secretary of State to the President")},
        {QStringLiteral("d9"), QStringLiteral("9. Memorandum for the Files")},
        {QStringLiteral("d10"), QStringLiteral("10")},
        {QStringLiteral("d11"), QStringLiteral("11. Memorandum for the Record")},
        {QStringLiteral("d13"), QStringLiteral("13. Memorandum of Conversation")},
        {QStringLiteral("d14"), QStringLiteral("14")},
        {QStringLiteral("d19"), QStringLiteral("19. 1934 Agreement on Claims")},
    };
}

} // namespace marginalia::test
