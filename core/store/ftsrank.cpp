#include "ftsrank.h"

#include "database.h"
#include "nativestatement.h"
#include "util/translate.h"

#include <QVariant>

#include <sqlite3.h>

#include <cmath>
#include <memory>
#include <vector>

namespace marginalia {

namespace {

// FTS5's bm25 constants (fts5_aux.c).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// What stays the same for every row of one statement: read once, kept as the cursor's auxdata.
struct RankSetup {
    std::vector<double> weights; // per column
    std::vector<double> idf;     // per phrase
    double averageLength = 1;
};

int countHit(const Fts5ExtensionApi *, Fts5Context *, void *context)
{
    ++*static_cast<sqlite3_int64 *>(context);
    return SQLITE_OK;
}

int setUp(const Fts5ExtensionApi *api, Fts5Context *fts, int argc, sqlite3_value **argv, RankSetup &setup)
{
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK)
        return rc;
    setup.averageLength = rows > 0 && tokens > 0 ? double(tokens) / double(rows) : 1.0;
    const int columns = api->xColumnCount(fts);
    for (int c = 0; c < columns; ++c)
        setup.weights.push_back(c < argc ? sqlite3_value_double(argv[c]) : 1.0);
    const int phrases = api->xPhraseCount(fts);
    for (int p = 0; p < phrases; ++p) {
        sqlite3_int64 holding = 0;
        const int at = columns + p;
        if (at < argc && sqlite3_value_numeric_type(argv[at]) == SQLITE_INTEGER) {
            holding = sqlite3_value_int64(argv[at]);
            if (holding < 0) { // weighed 1: the caller scales the scores once it knows the count
                setup.idf.push_back(1.0);
                continue;
            }
        } else if ((rc = api->xQueryPhrase(fts, p, &holding, countHit)) != SQLITE_OK) {
            return rc;
        }
        // bm25's idf, and its floor for a phrase in more than half the documents.
        const double idf = std::log((double(rows) - double(holding) + 0.5) / (double(holding) + 0.5));
        setup.idf.push_back(idf > 0 ? idf : 1e-6);
    }
    return SQLITE_OK;
}

void deleteSetup(void *setup)
{
    delete static_cast<RankSetup *>(setup);
}

void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc, sqlite3_value **argv)
{
    auto *setup = static_cast<RankSetup *>(api->xGetAuxdata(fts, 0));
    if (!setup) {
        auto made = std::make_unique<RankSetup>();
        if (const int rc = setUp(api, fts, argc, argv, *made); rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
        setup = made.get();
        if (const int rc = api->xSetAuxdata(fts, made.release(), deleteSetup); rc != SQLITE_OK) {
            sqlite3_result_error_code(context, rc);
            return;
        }
    }
    std::vector<double> frequency(setup->idf.size(), 0.0);
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0, column = 0, offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && std::size_t(phrase) < frequency.size())
            frequency[std::size_t(phrase)] += column >= 0 && std::size_t(column) < setup->weights.size() ? setup->weights[std::size_t(column)] : 1.0;
    }
    int length = 0;
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double score = 0;
    const double norm = kK1 * (1 - kB + kB * double(length) / setup->averageLength);
    for (std::size_t p = 0; p < frequency.size(); ++p)
        score += setup->idf[p] * (frequency[p] * (kK1 + 1.0)) / (frequency[p] + norm);
    sqlite3_result_double(context, -score);
}

} // namespace

fts5_api *fts5Api(sqlite3 *connection)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api && api->iVersion >= 2 ? api : nullptr;
}

Result<void> registerFtsRank(const Database &db)
{
    sqlite3 *connection = nativeConnection(db);
    if (!connection)
        return fail(db.path(), 0, 0, Tr::tr("the %1 is not open through SQLite").arg(db.schema().name));
    fts5_api *fts = fts5Api(connection);
    if (!fts)
        return fail(db.path(), 0, 0, Tr::tr("this SQLite has no full-text search (FTS5)"));
    if (fts->xCreateFunction(fts, "marginalia_bm25", nullptr, rank, nullptr) != SQLITE_OK)
        return fail(db.path(), 0, 0, Tr::tr("cannot set up the search's ranking: %1").arg(QString::fromUtf8(sqlite3_errmsg(connection))));
    return {};
}

QStringList ftsPhrases(const QString &match)
{
    QStringList phrases;
    for (qsizetype i = 0; i < match.size(); ++i) {
        if (match.at(i) != u'"')
            continue;
        qsizetype end = i + 1;
        // Inside an FTS5 string a quote is written twice.
        while (end < match.size() && (match.at(end) != u'"' || (end + 1 < match.size() && match.at(end + 1) == u'"'))) {
            end += match.at(end) == u'"' ? 2 : 1;
        }
        qsizetype after = std::min(end + 1, match.size());
        if (after < match.size() && match.at(after) == u'*')
            ++after;
        phrases << match.mid(i, after - i);
        i = after - 1;
    }
    return phrases;
}

} // namespace marginalia
