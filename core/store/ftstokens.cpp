#include "ftstokens.h"

#include "database.h"
#include "ftsrank.h"
#include "nativestatement.h"
#include "util/translate.h"

#include <sqlite3.h>

#include <vector>

namespace marginalia {

namespace {

// Starts a value in the replay form: the readers drop control characters, so no text starts with it.
constexpr char ReplayMark = '\x01';
// Between tokens: unicode61 splits at every space, so no token holds one.
constexpr char TokenEnd = ' ';

// CatalogTokenizer's name and its arguments, as FTS5 splits the tokenize option.
struct TokenizerSpec {
    QByteArray name;
    std::vector<QByteArray> arguments;
    std::vector<const char *> argv;
};

TokenizerSpec catalogTokenizerSpec()
{
    TokenizerSpec spec;
    const QList<QByteArray> words = QByteArray(CatalogTokenizer).split(' ');
    spec.name = words.first();
    spec.arguments.assign(words.begin() + 1, words.end());
    for (const QByteArray &argument : spec.arguments)
        spec.argv.push_back(argument.constData());
    return spec;
}

// FTS5's own tokenizer, as found on a connection before the replay wraps it.
struct Wrapped {
    fts5_tokenizer api{};
    void *userData = nullptr;
};

struct ReplayInstance {
    Wrapped *wrapped;
    Fts5Tokenizer *inner;
};

int replayCreate(void *userData, const char **arguments, int count, Fts5Tokenizer **out)
{
    auto *wrapped = static_cast<Wrapped *>(userData);
    Fts5Tokenizer *inner = nullptr;
    if (const int rc = wrapped->api.xCreate(wrapped->userData, arguments, count, &inner); rc != SQLITE_OK)
        return rc;
    *out = reinterpret_cast<Fts5Tokenizer *>(new ReplayInstance{wrapped, inner});
    return SQLITE_OK;
}

void replayDelete(Fts5Tokenizer *tokenizer)
{
    auto *instance = reinterpret_cast<ReplayInstance *>(tokenizer);
    instance->wrapped->api.xDelete(instance->inner);
    delete instance;
}

int replayTokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
                   int (*token)(void *, int, const char *, int, int, int))
{
    auto *instance = reinterpret_cast<ReplayInstance *>(tokenizer);
    if (!(flags & FTS5_TOKENIZE_DOCUMENT) || length <= 0 || text[0] != ReplayMark)
        return instance->wrapped->api.xTokenize(instance->inner, context, flags, text, length, token);
    int start = 1;
    for (int i = 1; i <= length; ++i) {
        if (i < length && text[i] != TokenEnd)
            continue;
        if (i > start) {
            if (const int rc = token(context, 0, text + start, i - start, start, i); rc != SQLITE_OK)
                return rc;
        }
        start = i + 1;
    }
    return SQLITE_OK;
}

int appendToken(void *context, int, const char *token, int length, int, int)
{
    auto *out = static_cast<QByteArray *>(context);
    out->append(token, length);
    out->append(TokenEnd);
    return SQLITE_OK;
}

} // namespace

struct FtsTokenizer::Api {
    fts5_tokenizer tokenizer{};
    Fts5Tokenizer *instance = nullptr;
};

FtsTokenizer::FtsTokenizer(sqlite3 *connection, std::unique_ptr<Api> api)
    : m_connection(connection), m_api(std::move(api))
{
}

FtsTokenizer::~FtsTokenizer()
{
    if (m_api && m_api->instance)
        m_api->tokenizer.xDelete(m_api->instance);
    sqlite3_close(m_connection);
}

Result<std::unique_ptr<FtsTokenizer>> FtsTokenizer::create()
{
    sqlite3 *connection = nullptr;
    // A connection of this thread's own, to nothing: FTS5's tokenizers are reached through one.
    if (sqlite3_open_v2(":memory:", &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr)
        != SQLITE_OK) {
        sqlite3_close(connection);
        return fail(QString(), 0, 0, Tr::tr("cannot open SQLite in memory for the full-text tokenizer"));
    }
    auto api = std::make_unique<Api>();
    fts5_api *fts = fts5Api(connection);
    TokenizerSpec spec = catalogTokenizerSpec();
    void *userData = nullptr;
    if (!fts || fts->xFindTokenizer(fts, spec.name.constData(), &userData, &api->tokenizer) != SQLITE_OK
        || api->tokenizer.xCreate(userData, spec.argv.data(), int(spec.argv.size()), &api->instance) != SQLITE_OK) {
        sqlite3_close(connection);
        return fail(QString(), 0, 0, Tr::tr("this SQLite has no full-text search (FTS5) tokenizer %1")
                                         .arg(QString::fromLatin1(CatalogTokenizer)));
    }
    return std::unique_ptr<FtsTokenizer>(new FtsTokenizer(connection, std::move(api)));
}

QByteArray FtsTokenizer::tokens(const QString &text)
{
    return tokens(text.toUtf8());
}

QByteArray FtsTokenizer::tokens(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return {};
    QByteArray out;
    out.reserve(utf8.size() + 16);
    out.append(ReplayMark);
    m_api->tokenizer.xTokenize(m_api->instance, &out, FTS5_TOKENIZE_DOCUMENT, utf8.constData(), int(utf8.size()),
                               appendToken);
    return out;
}

Result<void> registerTokenReplay(const Database &db)
{
    sqlite3 *connection = nativeConnection(db);
    if (!connection)
        return fail(db.path(), 0, 0, Tr::tr("the %1 is not open through SQLite").arg(db.schema().name));
    fts5_api *fts = fts5Api(connection);
    const QByteArray name = catalogTokenizerSpec().name;
    auto wrapped = std::make_unique<Wrapped>();
    if (!fts || fts->xFindTokenizer(fts, name.constData(), &wrapped->userData, &wrapped->api) != SQLITE_OK)
        return fail(db.path(), 0, 0, Tr::tr("this SQLite has no full-text search (FTS5)"));
    if (wrapped->api.xCreate == replayCreate)
        return {}; // this connection has it already
    fts5_tokenizer replay{replayCreate, replayDelete, replayTokenize};
    // A tokenizer of the same name as FTS5's own goes before it in the connection's list, so tables
    // that name it get this one.
    if (fts->xCreateTokenizer(fts, name.constData(), wrapped.get(), &replay,
                              [](void *data) { delete static_cast<Wrapped *>(data); })
        != SQLITE_OK)
        return fail(db.path(), 0, 0, Tr::tr("cannot set up the full-text tokenizer: %1")
                                         .arg(QString::fromUtf8(sqlite3_errmsg(connection))));
    wrapped.release(); // the connection's now: freed by the destroy callback
    return {};
}

} // namespace marginalia
