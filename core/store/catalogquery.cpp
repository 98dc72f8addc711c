#include "catalogquery.h"

#include "util/translate.h"

#include <QStringList>

namespace marginalia {

namespace {

enum class Kind { Word, Phrase, And, Or, Not, Near, Open, Close, Comma };

struct Token {
    Kind kind = Kind::Word;
    QString text;
    bool prefix = false;
};

Token op(Kind kind)
{
    Token token;
    token.kind = kind;
    return token;
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\u201c' || c == u'\u201d';
}

bool hasWordChar(const QString &text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

bool endsBareword(QChar c)
{
    return c.isSpace() || isQuote(c) || c == u'(' || c == u')' || c == u',';
}

Unexpected<Error> syntaxError(const QString &message)
{
    return fail(QString(), 0, 0, message);
}

// Words, phrases and operators. Commas count only inside NEAR( … ); elsewhere they separate words.
Result<std::vector<Token>> tokenize(const QString &text)
{
    std::vector<Token> tokens;
    int nearDepth = 0; // > 0 inside NEAR's parentheses
    qsizetype i = 0;
    const qsizetype size = text.size();
    while (i < size) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            ++i;
        } else if (isQuote(c)) {
            qsizetype end = i + 1;
            while (end < size && !isQuote(text.at(end)))
                ++end;
            if (end == size)
                return syntaxError(Tr::tr("unbalanced quote"));
            Token phrase = op(Kind::Phrase);
            phrase.text = text.mid(i + 1, end - i - 1);
            i = end + 1;
            for (; i < size && text.at(i) == u'*'; ++i)
                phrase.prefix = true;
            if (hasWordChar(phrase.text))
                tokens.push_back(phrase);
        } else if (c == u'(') {
            tokens.push_back(op(Kind::Open));
            if (nearDepth > 0 || (!tokens.empty() && tokens.size() >= 2 && tokens[tokens.size() - 2].kind == Kind::Near))
                ++nearDepth;
            ++i;
        } else if (c == u')') {
            tokens.push_back(op(Kind::Close));
            nearDepth = std::max(0, nearDepth - 1);
            ++i;
        } else if (c == u',') {
            if (nearDepth > 0)
                tokens.push_back(op(Kind::Comma));
            ++i;
        } else {
            qsizetype end = i;
            while (end < size && !endsBareword(text.at(end)))
                ++end;
            QString word = text.mid(i, end - i);
            i = end;
            if (word == QLatin1String("AND")) {
                tokens.push_back(op(Kind::And));
            } else if (word == QLatin1String("OR")) {
                tokens.push_back(op(Kind::Or));
            } else if (word == QLatin1String("NOT")) {
                tokens.push_back(op(Kind::Not));
            } else if (word == QLatin1String("NEAR") && i < size && text.at(i) == u'(') {
                tokens.push_back(op(Kind::Near));
            } else {
                Token token = op(Kind::Word);
                while (word.endsWith(u'*')) {
                    word.chop(1);
                    token.prefix = true;
                }
                token.text = word;
                if (hasWordChar(word))
                    tokens.push_back(token);
            }
        }
    }
    return tokens;
}

QString quoted(const QString &text, bool prefix)
{
    QString escaped = text;
    // Inside an FTS5 string a double quote is written twice; nothing else is special there.
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"') + (prefix ? QStringLiteral("*") : QString());
}

QString quoted(const Token &token)
{
    // The index holds porter stems, and FTS5 stems a prefix too before matching it against them: "zelay*"
    // becomes "zelai*", which "zelaya" does not start with, and "negotiat*" finds no "negotiations" (stem
    // "negoti"). Porter changes at most the last letters of what a user types as the start of a word
    // ("-ate", "-y" → "-i", "-e"), so a prefix of five letters or more is also looked for without its last
    // one or two (never under four): a little more may be found, never less.
    const QString &text = token.text;
    const qsizetype chop = std::min<qsizetype>(2, text.size() - 4);
    if (token.kind != Kind::Word || !token.prefix || chop <= 0
        || !std::all_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); }))
        return quoted(text, token.prefix);
    return QStringLiteral("(%1 OR %2)").arg(quoted(text, true), quoted(text.left(text.size() - chop), true));
}

// Recursive descent, loosest first: OR, then AND (or nothing) between terms, then NOT, as FTS5 binds them.
class Parser {
public:
    explicit Parser(std::vector<Token> tokens) : m_tokens(std::move(tokens)) {}

    Result<QString> parse()
    {
        Result<QString> expression = parseOr();
        if (expression && m_at < m_tokens.size())
            return syntaxError(Tr::tr("a closing parenthesis without an opening one"));
        return expression;
    }
    std::vector<SearchTerm> highlight;

private:
    bool at(Kind kind) const { return m_at < m_tokens.size() && m_tokens[m_at].kind == kind; }
    bool atTerm() const { return at(Kind::Word) || at(Kind::Phrase) || at(Kind::Open) || at(Kind::Near); }

    Result<QString> parseOr()
    {
        Result<QString> left = parseAnd();
        while (left && at(Kind::Or)) {
            ++m_at;
            if (!atTerm())
                return syntaxError(Tr::tr("OR needs a word after it"));
            Result<QString> right = parseAnd();
            if (!right)
                return right;
            left = QStringLiteral("(%1 OR %2)").arg(*left, *right);
        }
        return left;
    }

    Result<QString> parseAnd()
    {
        Result<QString> left = parseNot();
        while (left) {
            if (at(Kind::And)) {
                ++m_at;
                if (!atTerm())
                    return syntaxError(Tr::tr("AND needs a word after it"));
            } else if (!atTerm()) {
                break;
            }
            Result<QString> right = parseNot();
            if (!right)
                return right;
            left = QStringLiteral("(%1 AND %2)").arg(*left, *right);
        }
        return left;
    }

    Result<QString> parseNot()
    {
        Result<QString> left = parseTerm(false);
        while (left && at(Kind::Not)) {
            ++m_at;
            if (!atTerm())
                return syntaxError(Tr::tr("NOT needs a word after it"));
            Result<QString> right = parseTerm(true);
            if (!right)
                return right;
            left = QStringLiteral("(%1 NOT %2)").arg(*left, *right);
        }
        return left;
    }

    Result<QString> parseTerm(bool negated)
    {
        if (m_at >= m_tokens.size())
            return syntaxError(Tr::tr("a word is missing at the end"));
        const Token &token = m_tokens[m_at++];
        switch (token.kind) {
        case Kind::Word:
        case Kind::Phrase:
            mark(token, negated);
            return quoted(token);
        case Kind::Open: {
            if (at(Kind::Close))
                return syntaxError(Tr::tr("empty parentheses"));
            Result<QString> inner = parseOr();
            if (!inner)
                return inner;
            if (!at(Kind::Close))
                return syntaxError(Tr::tr("unbalanced parenthesis: a \"(\" is not closed"));
            ++m_at;
            return QStringLiteral("(%1)").arg(*inner);
        }
        case Kind::Near:
            return parseNear(negated);
        case Kind::Not:
            return syntaxError(Tr::tr("NOT needs a word before it (write: treaty NOT Cuba)"));
        case Kind::And:
            return syntaxError(Tr::tr("AND needs a word before it"));
        case Kind::Or:
            return syntaxError(Tr::tr("OR needs a word before it"));
        case Kind::Close:
            return syntaxError(Tr::tr("a closing parenthesis without an opening one"));
        case Kind::Comma:
            break;
        }
        return syntaxError(Tr::tr("a comma belongs inside NEAR( … ) only"));
    }

    Result<QString> parseNear(bool negated)
    {
        const QString usage = Tr::tr("NEAR needs two or more words in parentheses: NEAR(treaty Cuba, 10)");
        if (!at(Kind::Open))
            return syntaxError(usage);
        ++m_at;
        QStringList phrases;
        while (at(Kind::Word) || at(Kind::Phrase)) {
            mark(m_tokens[m_at], negated);
            // NEAR takes phrases only, so a prefix goes in as typed (see quoted()).
            phrases << quoted(m_tokens[m_at].text, m_tokens[m_at].prefix);
            ++m_at;
        }
        if (phrases.size() < 2)
            return syntaxError(usage);
        QString distance;
        if (at(Kind::Comma)) {
            ++m_at;
            bool number = false;
            if (at(Kind::Word) && !m_tokens[m_at].prefix) {
                m_tokens[m_at].text.toInt(&number);
                distance = m_tokens[m_at].text;
            }
            if (!number)
                return syntaxError(Tr::tr("NEAR's distance must be a number: NEAR(treaty Cuba, 10)"));
            ++m_at;
        }
        if (!at(Kind::Close))
            return syntaxError(usage);
        ++m_at;
        return QStringLiteral("NEAR(%1%2)")
            .arg(phrases.join(QLatin1Char(' ')), distance.isEmpty() ? QString() : QStringLiteral(", ") + distance);
    }

    void mark(const Token &token, bool negated)
    {
        if (negated)
            return;
        if (token.kind == Kind::Word && !token.prefix)
            highlight.push_back(stemmedTerm(token.text));
        else
            highlight.push_back({token.text, token.prefix});
    }

    std::vector<Token> m_tokens;
    std::size_t m_at = 0;
};

} // namespace

SearchTerm stemmedTerm(const QString &word)
{
    // Longest first. Porter takes off more than this; what is left here is a prefix of what it leaves.
    static const char *const endings[] = {"ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion",
                                          "ies", "ied", "ed", "es", "ly", "s", "e", "y"};
    if (!std::all_of(word.begin(), word.end(), [](QChar c) { return c.isLetter(); }))
        return {word, false};
    const QString lower = word.toLower();
    for (const char *ending : endings) {
        const QLatin1String suffix(ending);
        if (lower.endsWith(suffix) && lower.size() - suffix.size() >= 4)
            return {word.left(word.size() - suffix.size()), true};
    }
    return {word, lower.size() >= 4};
}

Result<CatalogMatch> parseCatalogQuery(const QString &text)
{
    Result<std::vector<Token>> tokens = tokenize(text);
    if (!tokens)
        return fail(tokens.error());
    if (tokens->empty())
        return CatalogMatch{};
    Parser parser(std::move(tokens).value());
    Result<QString> match = parser.parse();
    if (!match)
        return fail(match.error());
    return CatalogMatch{*match, std::move(parser.highlight)};
}

} // namespace marginalia
