#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct sqlite3;

namespace marginalia {

class Database;

// The library index's tokenizer as its documents_fts table declares it (catalogschema.cpp).
inline constexpr char CatalogTokenizer[] = "porter unicode61 remove_diacritics 2";

// Tokenizing is most of what FTS5 does with an inserted row (stemming alone is a tenth of the indexer's
// time), and it would all run on the index's one writer thread while the threads that read the volumes
// wait for it. So the readers tokenize: an FtsTokenizer runs FTS5's own porter and unicode61 code, on a
// private in-memory connection, and gives the tokens of a text in one string that the writer's
// connection replays (registerTokenReplay). The index FTS5 builds from it is byte for byte the one it
// builds from the text, and any SQLite, the sqlite3 shell too, reads it as it reads any FTS5 index.
//
// One per thread: FTS5's tokenizers keep state between calls.
class FtsTokenizer {
public:
    static Result<std::unique_ptr<FtsTokenizer>> create();
    ~FtsTokenizer();
    FtsTokenizer(const FtsTokenizer &) = delete;
    FtsTokenizer &operator=(const FtsTokenizer &) = delete;

    // `text`'s tokens in the replay form (empty for an empty text, whose row holds no tokens).
    QByteArray tokens(const QString &text);
    QByteArray tokens(const QByteArray &utf8);

private:
    struct Api;
    FtsTokenizer(sqlite3 *connection, std::unique_ptr<Api> api);
    sqlite3 *m_connection = nullptr;
    std::unique_ptr<Api> m_api;
};

// Wraps FTS5's "porter" on `db`'s connection so that a row's value in the replay form is indexed from the
// tokens it holds, and any other value (a query, a 'delete' given the text, a row of an older writer) as
// porter indexes it. Must run before the connection first uses a table that names porter: FTS5 makes a
// table's tokenizer when the table is first used, and keeps it.
Result<void> registerTokenReplay(const Database &db);

} // namespace marginalia
