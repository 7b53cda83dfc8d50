// What `--d1` adds to a new app: a D1 database `DB` with a first migration, migrated locally before
// every `npm run dev`, and a Notes page that reads it with st.connection, edits it with
// st.dataEditor and saves with one batch of prepared statements.

/** The wrangler.toml lines of the database (a placeholder id until `wrangler d1 create`). */
export const d1Wrangler = (name) => `
# The app's D1 database. \`npm run dev\` migrates a local copy from migrations/ first. To deploy:
# \`npx wrangler d1 create ${name}\`, put the id it prints here, then \`npm run db:migrate\`.
[[d1_databases]]
binding = "DB"
database_name = "${name}"
database_id = "00000000-0000-0000-0000-000000000000"
migrations_dir = "migrations"
`;

export const d1Scripts = {
  // npm runs "predev" before "dev": the local database is created and migrated first
  predev: "wrangler d1 migrations apply DB --local",
  "db:migrate": "wrangler d1 migrations apply DB --remote",
};

export const d1Migration = `-- The Notes page's table. Add a new numbered file for every change; never edit an applied one.
CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0
);

INSERT INTO notes (text, done) VALUES ('Try formlit', 1), ('Edit this table and save', 0);
`;

/** The Notes page, added to src/index.ts. */
export const d1Page = `
// The Worker's bindings, typed: st.context.env.DB is a D1Database.
declare module "formlit" {
  interface Env {
    DB: D1Database;
  }
}

interface Note {
  id: number;
  text: string;
  done: number;
}

// Rows from D1 (st.connection), edited in a table and saved with one batch of prepared statements.
async function notes() {
  st.title("Notes");
  const db = st.connection("db", { type: "d1" });
  // ttl 0: read the database on every run, so a save shows at once
  const rows = await db.query<Note>("SELECT id, text, done FROM notes ORDER BY id", { ttl: 0 });
  const version = Number(st.sessionState.get("notes_version", 0));
  const shown = rows.map((r) => ({ id: r.id, text: r.text, done: r.done === 1 }));
  st.dataEditor(shown, { key: \`notes_\${version}\`, numRows: "dynamic", disabled: ["id"] });
  if (st.button("Save", { type: "primary" })) {
    const edits = st.sessionState[\`notes_\${version}\`] as EditingState;
    const statements: D1Statement[] = [];
    for (const [at, cells] of Object.entries(edits.edited_rows)) {
      const note = { ...shown[Number(at)]!, ...cells };
      statements.push(["UPDATE notes SET text = ?, done = ? WHERE id = ?", [String(note.text), note.done ? 1 : 0, note.id]]);
    }
    for (const added of edits.added_rows) {
      if (added.text) statements.push(["INSERT INTO notes (text, done) VALUES (?, ?)", [String(added.text), added.done ? 1 : 0]]);
    }
    for (const at of edits.deleted_rows) statements.push(["DELETE FROM notes WHERE id = ?", [shown[at]!.id]]);
    await db.batch(statements);
    st.sessionState.notes_version = version + 1;
    st.rerun();
  }
}
`;

export const d1Readme = `
## The database

\`migrations/\` holds the D1 database's schema, one numbered SQL file per change. \`npm run dev\`
applies the new ones to a local copy first (\`wrangler d1 migrations apply DB --local\`, which may
ask you to confirm). The Notes page reads it with \`st.connection("db", { type: "d1" })\`.

Before the first deploy:

\`\`\`sh
npx wrangler d1 create <name>   # put the database_id it prints into wrangler.toml
npm run db:migrate              # the migrations, on the real database
\`\`\`
`;
