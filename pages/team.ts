/**
 * The Team page: a small internal tool on the D1 database `DB` (wrangler.toml; `npm run dev`
 * migrates a local copy from migrations/). The team is read with st.connection, shown with
 * st.dataframe, edited with st.dataEditor and saved with a button: one batch of prepared
 * statements per save, which a replay on another isolate never repeats.
 */
import { st, type EditingState } from "../src/index.ts";
import type { D1Connection, D1Statement } from "../src/index.ts";

interface Member {
  id: number;
  name: string;
  role: string;
  active: number;
  saved_by: string | null;
}

/** Who saves a change, written next to it: the signed-in person's name (st.user), else "anonymous". */
export function whoIsSaving(): string {
  if (!st.user.isLoggedIn) return "anonymous";
  const { name, email, sub } = st.user;
  return String(name ?? email ?? sub ?? "signed in");
}

/** Log in / Log out, when the app has sign-in (`npm run dev` starts a local provider for it). */
function signInControls() {
  if (!st.context.env.AUTH_SERVER_METADATA_URL) return;
  if (st.user.isLoggedIn) {
    if (st.button("Log out")) st.logout();
  } else if (st.button("Log in")) st.login();
}

/** A row as the editor shows it: `active` as a checkbox. */
const editable = (m: Member) => ({ id: m.id, name: m.name, role: m.role, active: m.active === 1, saved_by: m.saved_by ?? "" });

type Row = ReturnType<typeof editable>;

/** The statements that make the table what the editor shows: one per edited, added and deleted row. */
function changes(members: Member[], state: EditingState, by: string): D1Statement[] {
  const statements: D1Statement[] = [];
  for (const [at, cells] of Object.entries(state.edited_rows)) {
    const member = members[Number(at)];
    if (!member || state.deleted_rows.includes(Number(at))) continue;
    const row = { ...editable(member), ...(cells as Partial<Row>) };
    statements.push(["UPDATE team SET name = ?, role = ?, active = ?, saved_by = ? WHERE id = ?", [row.name, row.role, row.active ? 1 : 0, by, member.id]]);
  }
  for (const added of state.added_rows as Partial<Row>[]) {
    if (!added.name) continue;
    statements.push(["INSERT INTO team (name, role, active, saved_by) VALUES (?, ?, ?, ?)", [added.name, added.role ?? "", added.active === false ? 0 : 1, by]]);
  }
  for (const at of state.deleted_rows) {
    const member = members[at];
    if (member) statements.push(["DELETE FROM team WHERE id = ?", [member.id]]);
  }
  return statements;
}

/** The database, or null with a note on how to get one (the page still shows). */
function database(): D1Connection | null {
  try {
    return st.connection("db", { type: "d1" });
  } catch (err) {
    st.info(`This page needs the Worker's D1 database: ${(err as Error).message}`);
    return null;
  }
}

/** The team, or null with a note when the table is not there (a database never migrated). */
async function rowsOf(conn: D1Connection): Promise<Member[] | null> {
  try {
    // ttl 0: every run reads the database, so a save shows at once, whichever isolate answers
    return await conn.query<Member>("SELECT id, name, role, active, saved_by FROM team ORDER BY id", { ttl: 0 });
  } catch (err) {
    if (!/no such table/.test(String(err))) throw err;
    st.info("The database has no team table yet: `npm run dev` migrates it, or run `npx wrangler d1 migrations apply DB --local`.");
    return null;
  }
}

export async function team() {
  st.title("Team");
  st.caption("Rows from a D1 database (`st.connection`): edit them in the table, then save. `npm run dev` creates and migrates the local database.");
  const { locale, timezone, theme } = st.context;
  signInControls();
  st.caption(`Saving as ${whoIsSaving()} · language ${locale ?? "not given"} · time zone ${timezone ?? "unknown"} · ${theme.type ?? "no"} colour scheme (st.context)`);
  const conn = database();
  if (!conn) return;
  const members = await rowsOf(conn);
  if (!members) return;
  st.subheader("Who is on the team");
  st.dataframe(members.map(editable), { hideIndex: true });

  st.subheader("Edit");
  // a new editor after each save: its edits are in the database now, not pending
  const version = Number(st.sessionState.get("team_version", 0));
  st.dataEditor(members.map(editable), {
    key: `team_${version}`,
    numRows: "dynamic",
    disabled: ["id", "saved_by"],
    columnConfig: {
      id: st.columnConfig.NumberColumn("Id"),
      name: st.columnConfig.TextColumn("Name", { required: true, maxChars: 80 }),
      role: st.columnConfig.TextColumn("Role", { maxChars: 80 }),
      active: st.columnConfig.CheckboxColumn("Active"),
      saved_by: st.columnConfig.TextColumn("Saved by"),
    },
  });
  if (st.button("Save changes", { type: "primary" })) {
    const state = st.sessionState[`team_${version}`] as EditingState;
    const statements = changes(members, state, whoIsSaving());
    await conn.batch(statements);
    st.sessionState.team_version = version + 1;
    st.sessionState.team_saved = statements.length;
    st.rerun();
  }
  // said once, in the run right after the save
  const saved = st.sessionState.pop("team_saved", null);
  if (saved !== null) st.success(`Saved ${saved} change(s).`);
}
