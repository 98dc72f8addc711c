#include "teamschema.h"

namespace marginalia {

namespace {

// Version 1.
// - library.version is the team's version counter (Zotero's library version): every row a transaction
//   writes gets the transaction's one version, taken by next_version() on the counter's row, whose lock
//   is held until commit. So versions become visible in order, and a client that has read everything up
//   to N never later meets a new row numbered N or below.
// - The author of a row is the role that wrote it first (stamp(), a trigger the client cannot bypass);
//   row-level security lets members read every row and write only their own; nobody but the owner may
//   DELETE, because a deletion is a tombstone (deleted = true) that the other members must still pull.
// - about() answers anyone who may connect, so a non-member is told so rather than "permission denied";
//   it never changes shape.
// - push() applies a client's changes in the order given and says what became of each: pushed (written),
//   won (written over a newer version by a newer edit; the text it replaced is returned), lost (the
//   server's version is newer; the server's row is returned), refused (another member's row), gone (the
//   deletion of a row the server never had). It runs as the member, so the policies apply to it.
QStringList teamSchemaVersion1()
{
    return {
        QStringLiteral("CREATE SCHEMA marginalia"),
        QStringLiteral("CREATE TABLE marginalia.meta (key text PRIMARY KEY, value text NOT NULL)"),
        QStringLiteral("CREATE TABLE marginalia.library (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)"),
        QStringLiteral("INSERT INTO marginalia.library VALUES (1, 0)"),
        QStringLiteral("CREATE TABLE marginalia.annotations ("
                       " id text PRIMARY KEY,"
                       " document text NOT NULL,"
                       " footnote text NOT NULL DEFAULT '',"
                       " exact text, prefix text, suffix text, start integer, \"end\" integer,"
                       " color text, note text,"
                       " tags jsonb NOT NULL DEFAULT '[]',"
                       " interchange text NOT NULL DEFAULT '',"
                       " author name NOT NULL DEFAULT current_user,"
                       " created timestamptz, modified timestamptz,"
                       " deleted boolean NOT NULL DEFAULT false,"
                       " version bigint NOT NULL)"),
        QStringLiteral("CREATE INDEX annotations_by_version ON marginalia.annotations(version)"),
        QStringLiteral(
            "CREATE FUNCTION marginalia.next_version() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER"
            " SET search_path = pg_catalog AS $$"
            " DECLARE taken text := current_setting('marginalia.transaction_version', true); v bigint;"
            " BEGIN"
            "   IF taken IS NOT NULL AND taken <> '' AND split_part(taken, ':', 1) = txid_current()::text THEN"
            "     RETURN split_part(taken, ':', 2)::bigint;"
            "   END IF;"
            "   UPDATE marginalia.library SET version = version + 1 WHERE id = 1 RETURNING version INTO v;"
            "   PERFORM set_config('marginalia.transaction_version', txid_current()::text || ':' || v::text, true);"
            "   RETURN v;"
            " END $$"),
        QStringLiteral(
            "CREATE FUNCTION marginalia.stamp() RETURNS trigger LANGUAGE plpgsql AS $$"
            " BEGIN"
            "   IF TG_OP = 'INSERT' THEN NEW.author := current_user;"
            "   ELSE NEW.author := OLD.author; NEW.id := OLD.id;"
            "   END IF;"
            "   NEW.version := marginalia.next_version();"
            "   RETURN NEW;"
            " END $$"),
        QStringLiteral("CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON marginalia.annotations"
                       " FOR EACH ROW EXECUTE FUNCTION marginalia.stamp()"),
        QStringLiteral("CREATE FUNCTION marginalia.is_member() RETURNS boolean LANGUAGE sql STABLE AS $$"
                       " SELECT coalesce(pg_has_role(current_user, (SELECT value FROM marginalia.meta"
                       "   WHERE key = 'group')::name, 'MEMBER'), false) $$"),
        QStringLiteral("CREATE FUNCTION marginalia.about() RETURNS jsonb LANGUAGE sql STABLE SECURITY DEFINER"
                       " SET search_path = pg_catalog AS $$"
                       " SELECT jsonb_object_agg(key, value) FROM marginalia.meta $$"),
        QStringLiteral("ALTER TABLE marginalia.annotations ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY members_read ON marginalia.annotations FOR SELECT USING (marginalia.is_member())"),
        QStringLiteral("CREATE POLICY own_insert ON marginalia.annotations FOR INSERT"
                       " WITH CHECK (marginalia.is_member() AND author = current_user)"),
        QStringLiteral("CREATE POLICY own_update ON marginalia.annotations FOR UPDATE"
                       " USING (marginalia.is_member() AND author = current_user) WITH CHECK (author = current_user)"),
        QStringLiteral(
            "CREATE FUNCTION marginalia.push(changes jsonb) RETURNS SETOF jsonb LANGUAGE plpgsql AS $$"
            " DECLARE c jsonb; cur marginalia.annotations%ROWTYPE; before jsonb; outcome text;"
            " BEGIN"
            // Pushes take turns from their start, so each one decides on rows no other push is changing.
            "   PERFORM marginalia.next_version();"
            "   FOR c IN SELECT value FROM jsonb_array_elements(changes) LOOP"
            "     SELECT * INTO cur FROM marginalia.annotations a WHERE a.id = c->>'id';"
            "     before := NULL;"
            "     IF NOT FOUND THEN"
            "       IF coalesce((c->>'deleted')::boolean, false) THEN"
            "         RETURN NEXT jsonb_build_object('id', c->>'id', 'outcome', 'gone');"
            "         CONTINUE;"
            "       END IF;"
            "       INSERT INTO marginalia.annotations (id, document, footnote, exact, prefix, suffix, start, \"end\","
            "           color, note, tags, interchange, created, modified, version)"
            "         VALUES (c->>'id', c->>'document', coalesce(c->>'footnote', ''), c->>'exact', c->>'prefix',"
            "           c->>'suffix', (c->>'start')::integer, (c->>'end')::integer, c->>'color', c->>'note',"
            "           coalesce(c->'tags', '[]'), coalesce(c->>'interchange', ''), (c->>'created')::timestamptz,"
            "           (c->>'modified')::timestamptz, 0)"
            "         RETURNING * INTO cur;"
            "       outcome := 'pushed';"
            "     ELSIF cur.author <> current_user THEN"
            "       outcome := 'refused';"
            "     ELSIF cur.version > coalesce((c->>'base')::bigint, 0)"
            "           AND cur.modified >= (c->>'modified')::timestamptz THEN"
            "       outcome := 'lost';"
            "     ELSE"
            "       IF cur.version > coalesce((c->>'base')::bigint, 0) THEN before := to_jsonb(cur); END IF;"
            "       IF coalesce((c->>'deleted')::boolean, false) THEN"
            "         UPDATE marginalia.annotations a SET deleted = true, exact = NULL, prefix = NULL, suffix = NULL,"
            "             note = NULL, tags = '[]', interchange = '', modified = (c->>'modified')::timestamptz"
            "           WHERE a.id = cur.id RETURNING * INTO cur;"
            "       ELSE"
            "         UPDATE marginalia.annotations a SET document = c->>'document',"
            "             footnote = coalesce(c->>'footnote', ''), exact = c->>'exact', prefix = c->>'prefix',"
            "             suffix = c->>'suffix', start = (c->>'start')::integer, \"end\" = (c->>'end')::integer,"
            "             color = c->>'color', note = c->>'note', tags = coalesce(c->'tags', '[]'),"
            "             interchange = coalesce(c->>'interchange', ''),"
            "             created = (c->>'created')::timestamptz, modified = (c->>'modified')::timestamptz,"
            "             deleted = false"
            "           WHERE a.id = cur.id RETURNING * INTO cur;"
            "       END IF;"
            "       outcome := CASE WHEN before IS NULL THEN 'pushed' ELSE 'won' END;"
            "     END IF;"
            "     RETURN NEXT jsonb_strip_nulls(jsonb_build_object('id', cur.id, 'outcome', outcome, 'row', to_jsonb(cur),"
            "         'before', before));"
            "   END LOOP;"
            "   PERFORM pg_notify('marginalia_changes', (SELECT version::text FROM marginalia.library));"
            "   RETURN;"
            " END $$"),
        QStringLiteral("REVOKE ALL ON FUNCTION marginalia.next_version() FROM PUBLIC"),
        QStringLiteral("GRANT USAGE ON SCHEMA marginalia TO PUBLIC"),
        QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA marginalia FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION marginalia.about() TO PUBLIC"),
    };
}

// Version 2: the team's tags and their colours, so that a tag looks the same on every member's screen.
// A tag is the team's, not one member's: any member may set its colour; the newer choice wins (push_tags
// keeps the server's row when it is as new or newer, and says so), and the author is the last to set it.
// Rows get versions from the same counter as annotations, so one "newer than N" pull reads both.
QStringList teamSchemaVersion2()
{
    return {
        QStringLiteral("CREATE TABLE marginalia.tags ("
                       " folded text PRIMARY KEY, name text NOT NULL, color text NOT NULL,"
                       " author name NOT NULL DEFAULT current_user, modified timestamptz NOT NULL,"
                       " version bigint NOT NULL)"),
        QStringLiteral("CREATE INDEX tags_by_version ON marginalia.tags(version)"),
        QStringLiteral("CREATE FUNCTION marginalia.stamp_tag() RETURNS trigger LANGUAGE plpgsql AS $$"
                       " BEGIN NEW.author := current_user; NEW.version := marginalia.next_version(); RETURN NEW; END $$"),
        QStringLiteral("CREATE TRIGGER stamp BEFORE INSERT OR UPDATE ON marginalia.tags"
                       " FOR EACH ROW EXECUTE FUNCTION marginalia.stamp_tag()"),
        QStringLiteral("ALTER TABLE marginalia.tags ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY members_read ON marginalia.tags FOR SELECT USING (marginalia.is_member())"),
        QStringLiteral("CREATE POLICY members_insert ON marginalia.tags FOR INSERT WITH CHECK (marginalia.is_member())"),
        QStringLiteral("CREATE POLICY members_update ON marginalia.tags FOR UPDATE USING (marginalia.is_member())"
                       " WITH CHECK (marginalia.is_member())"),
        QStringLiteral(
            "CREATE FUNCTION marginalia.push_tags(changes jsonb) RETURNS SETOF jsonb LANGUAGE plpgsql AS $$"
            " DECLARE c jsonb; cur marginalia.tags%ROWTYPE;"
            " BEGIN"
            "   PERFORM marginalia.next_version();"
            "   FOR c IN SELECT value FROM jsonb_array_elements(changes) LOOP"
            "     INSERT INTO marginalia.tags AS t (folded, name, color, modified, version)"
            "       VALUES (c->>'folded', c->>'name', c->>'color', (c->>'modified')::timestamptz, 0)"
            "       ON CONFLICT (folded) DO UPDATE SET name = excluded.name, color = excluded.color,"
            "         modified = excluded.modified WHERE t.modified < excluded.modified"
            "       RETURNING * INTO cur;"
            "     IF FOUND THEN"
            "       RETURN NEXT jsonb_build_object('folded', cur.folded, 'outcome', 'pushed', 'row', to_jsonb(cur));"
            "     ELSE"
            "       SELECT * INTO cur FROM marginalia.tags t WHERE t.folded = c->>'folded';"
            "       RETURN NEXT jsonb_build_object('folded', cur.folded, 'outcome', 'lost', 'row', to_jsonb(cur));"
            "     END IF;"
            "   END LOOP;"
            "   PERFORM pg_notify('marginalia_changes', (SELECT version::text FROM marginalia.library));"
            "   RETURN;"
            " END $$"),
    };
}

} // namespace

const std::vector<TeamMigration> &teamMigrations()
{
    static const std::vector<TeamMigration> migrations{{1, teamSchemaVersion1()}, {2, teamSchemaVersion2()}};
    return migrations;
}

int currentTeamSchemaVersion()
{
    return teamMigrations().back().version;
}

QString teamNotificationChannel()
{
    return QStringLiteral("marginalia_changes");
}

QString defaultTeamGroup()
{
    return QStringLiteral("marginalia_team");
}

} // namespace marginalia
